//! Fitting a label's text into the room it has, and the record of the room
//! labels and markers already take along one axis.

/// A shortened label keeps at least this many characters before the '…':
/// fewer says nothing and only adds clutter.
const MIN_LABEL_CHARS: usize = 4;

/// `text`, or its longest prefix of at least [`MIN_LABEL_CHARS`] characters
/// followed by '…', that measures at most `room`; `None` if not even that fits.
pub(super) fn fit_text(text: &str, room: f64, measure: &dyn Fn(&str) -> f64) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || room.is_nan() || room <= 0.0 {
        return None;
    }
    if measure(text) <= room {
        return Some(text.to_string());
    }
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= MIN_LABEL_CHARS {
        return None;
    }
    let fits = |k: usize| measure(&shortened(&chars, k)) <= room;
    let (mut lo, mut hi) = (MIN_LABEL_CHARS, chars.len() - 1);
    if !fits(lo) {
        return None;
    }
    // Binary search: measuring is a canvas call in the browser.
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(shortened(&chars, lo))
}

/// The first `k` characters without trailing spaces or punctuation, then '…'.
fn shortened(chars: &[char], k: usize) -> String {
    let prefix: String = chars[..k.min(chars.len())].iter().collect();
    let trimmed = prefix.trim_end_matches(|c: char| c.is_whitespace() || ",;:.–—-(".contains(c));
    format!("{trimmed}…")
}

/// Sorted, non-overlapping intervals along one axis: the room labels and
/// markers already take.
#[derive(Default)]
pub(super) struct Occupied(pub(super) Vec<(f64, f64)>);

impl Occupied {
    /// Inserts `(a, b)`, which must not overlap what is there.
    pub(super) fn insert(&mut self, a: f64, b: f64) {
        let at = self.0.partition_point(|&(x, _)| x < a);
        self.0.insert(at, (a, b));
    }

    /// The first interval ending after `from`, if any. Works because all
    /// intervals here are either disjoint or of one width, so sorting by
    /// start also sorts by end.
    pub(super) fn first_after(&self, from: f64) -> Option<(f64, f64)> {
        let at = self.0.partition_point(|&(_, b)| b <= from);
        self.0.get(at).copied()
    }

    pub(super) fn overlaps(&self, a: f64, b: f64) -> bool {
        self.first_after(a).is_some_and(|(x, _)| x < b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::timeline::test_support::measure;

    #[test]
    fn shortening_keeps_four_characters() {
        assert_eq!(
            fit_text("Huawei", 1000.0, &measure).as_deref(),
            Some("Huawei")
        );
        let short = fit_text(
            "Meng Wanzhou arrested in Vancouver",
            measure("Meng Wanzhou…"),
            &measure,
        );
        assert_eq!(short.as_deref(), Some("Meng Wanzhou…"));
        assert_eq!(
            fit_text("Meng, Wanzhou", measure("Meng,…"), &measure).as_deref(),
            Some("Meng…")
        );
        assert_eq!(fit_text("Meng Wanzhou", measure("Men…"), &measure), None);
        assert_eq!(fit_text("Meng", measure("Men"), &measure), None);
        assert_eq!(fit_text("  ", 1000.0, &measure), None);
    }
}
