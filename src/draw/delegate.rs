//! The `DrawingBackend` methods a wrapping backend passes on unchanged.
//!
//! The browser wraps plotters-canvas (`web::canvas::MeasuredCanvas`) and the
//! PNG fallback wraps plotters' bitmap backend (`bin/fallback/raster.rs`),
//! each to measure and draw text its own way; every other primitive goes to
//! the wrapped backend as it is. This macro writes those pass-throughs once.

/// Inside an `impl DrawingBackend for Wrapper`, writes every method but
/// `draw_text` and `estimate_text_size` as a call on `self.inner`, with
/// `$err` the wrapper's `DrawingErrorKind<…>`.
#[doc(hidden)]
#[macro_export]
macro_rules! delegate_shapes_to_inner {
    ($err:ty) => {
        fn get_size(&self) -> (u32, u32) {
            self.inner.get_size()
        }
        fn ensure_prepared(&mut self) -> Result<(), $err> {
            self.inner.ensure_prepared()
        }
        fn present(&mut self) -> Result<(), $err> {
            self.inner.present()
        }
        fn draw_pixel(
            &mut self,
            point: ::plotters_backend::BackendCoord,
            color: ::plotters_backend::BackendColor,
        ) -> Result<(), $err> {
            self.inner.draw_pixel(point, color)
        }
        fn draw_line<S: ::plotters_backend::BackendStyle>(
            &mut self,
            from: ::plotters_backend::BackendCoord,
            to: ::plotters_backend::BackendCoord,
            style: &S,
        ) -> Result<(), $err> {
            self.inner.draw_line(from, to, style)
        }
        fn draw_rect<S: ::plotters_backend::BackendStyle>(
            &mut self,
            ul: ::plotters_backend::BackendCoord,
            br: ::plotters_backend::BackendCoord,
            style: &S,
            fill: bool,
        ) -> Result<(), $err> {
            self.inner.draw_rect(ul, br, style, fill)
        }
        fn draw_path<
            S: ::plotters_backend::BackendStyle,
            I: IntoIterator<Item = ::plotters_backend::BackendCoord>,
        >(
            &mut self,
            path: I,
            style: &S,
        ) -> Result<(), $err> {
            self.inner.draw_path(path, style)
        }
        fn draw_circle<S: ::plotters_backend::BackendStyle>(
            &mut self,
            center: ::plotters_backend::BackendCoord,
            radius: u32,
            style: &S,
            fill: bool,
        ) -> Result<(), $err> {
            self.inner.draw_circle(center, radius, style, fill)
        }
        fn fill_polygon<
            S: ::plotters_backend::BackendStyle,
            I: IntoIterator<Item = ::plotters_backend::BackendCoord>,
        >(
            &mut self,
            vert: I,
            style: &S,
        ) -> Result<(), $err> {
            self.inner.fill_polygon(vert, style)
        }
    };
}
