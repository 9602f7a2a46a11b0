//! The dataset as compact bytes: what build.rs embeds in the view modules
//! and what the reader module hands them for a page's own data.
//!
//! The JSON reader and the validator are the heaviest part of reading data
//! (issue 11: 13–16 KB gzip, and tens of milliseconds at a phone's first
//! drawing). build.rs runs them once, then writes the checked [`Dataset`]
//! here; a view module only decodes it: lengths and values in order, no
//! keys, no checks beyond "the bytes are well formed", because only this
//! crate's own encoder writes them (`pack` at build time, or the reader
//! module after it validated a page's data).
//!
//! Integers are LEB128 varints (signed ones zigzagged), strings their
//! length then UTF-8, `Option` a 0/1 tag, `Vec` its length, enums their
//! position in the list the `packed_enum!` line gives.

use super::date::{Date, Precision};
use super::model::*;
use super::money::{Currency, Rate};

/// The first bytes of packed data; a change to the layout changes the last.
const MAGIC: &[u8; 4] = b"TWD1";

/// Encodes a validated dataset.
pub fn pack(ds: &Dataset) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    ds.put(&mut out);
    out
}

/// Decodes what [`pack`] wrote; `None` for anything else (bytes from another
/// version of the widget, or damaged in transit).
pub fn unpack(bytes: &[u8]) -> Option<Dataset> {
    let mut r = Bytes(bytes.strip_prefix(MAGIC.as_slice())?);
    let ds = Dataset::take(&mut r)?;
    r.0.is_empty().then_some(ds)
}

/// What is left to decode.
pub struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn slice(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

/// One value's encoding and decoding.
pub trait Packed: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(r: &mut Bytes) -> Option<Self>;
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

impl Packed for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(out, *self);
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        r.varint()
    }
}

impl Packed for i64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(out, ((self << 1) ^ (self >> 63)) as u64);
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        let v = r.varint()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
}

/// Narrower integers go through the wide ones and must fit on the way back.
macro_rules! packed_int {
    ($($t:ty => $wide:ty),*) => {$(
        impl Packed for $t {
            fn put(&self, out: &mut Vec<u8>) {
                <$wide>::from(*self).put(out);
            }
            fn take(r: &mut Bytes) -> Option<Self> {
                <$t>::try_from(<$wide>::take(r)?).ok()
            }
        }
    )*};
}
packed_int!(u8 => u64, u32 => u64, i32 => i64);

impl Packed for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Packed for String {
    fn put(&self, out: &mut Vec<u8>) {
        (self.len() as u64).put(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        let n = usize::try_from(r.varint()?).ok()?;
        String::from_utf8(r.slice(n)?.to_vec()).ok()
    }
}

impl<T: Packed> Packed for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => Some(Some(T::take(r)?)),
            _ => None,
        }
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (self.len() as u64).put(out);
        for v in self {
            v.put(out);
        }
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        let n = usize::try_from(r.varint()?).ok()?;
        // Each item takes at least a byte: a damaged length cannot reserve more than is left.
        let mut v = Vec::with_capacity(n.min(r.0.len()));
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Some(v)
    }
}

impl<A: Packed, B: Packed> Packed for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        Some((A::take(r)?, B::take(r)?))
    }
}

impl Packed for Date {
    fn put(&self, out: &mut Vec<u8>) {
        self.days().put(out);
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        Some(Date::from_days(i32::take(r)?))
    }
}

impl Packed for Rate {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn take(r: &mut Bytes) -> Option<Self> {
        Some(Rate(i64::take(r)?))
    }
}

/// A unit-only enum as its position in `$all` (its `ALL` list where it has one).
macro_rules! packed_enum {
    ($t:ident: $all:expr) => {
        impl Packed for $t {
            fn put(&self, out: &mut Vec<u8>) {
                out.push($all.iter().position(|v| v == self).unwrap_or(0) as u8);
            }
            fn take(r: &mut Bytes) -> Option<Self> {
                $all.get(usize::from(r.byte()?)).copied()
            }
        }
    };
}
packed_enum!(Confidence: [Confidence::Confirmed, Confidence::Press, Confidence::Estimate]);
packed_enum!(Currency: [Currency::CAD, Currency::USD, Currency::CNY]);
packed_enum!(Precision: [Precision::Day, Precision::Month, Precision::Year]);
packed_enum!(SettlementOutcome: [SettlementOutcome::Recalculated, SettlementOutcome::Refunded]);
packed_enum!(SourceKind: SourceKind::ALL);
packed_enum!(Category: Category::ALL);
packed_enum!(MeasureKind: MeasureKind::ALL);

/// A struct as its fields in the order listed (every field: a missing one
/// does not compile, because `take` builds the struct by name).
macro_rules! packed_struct {
    ($t:ident { $($f:ident),+ $(,)? }) => {
        impl Packed for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$f.put(out);)+
            }
            fn take(r: &mut Bytes) -> Option<Self> {
                Some($t { $($f: Packed::take(r)?),+ })
            }
        }
    };
}
packed_struct!(Text { en, fr });
packed_struct!(Keywords { en, fr });
packed_struct!(Source {
    url,
    publisher,
    title,
    date,
    date_precision,
    kind
});
packed_struct!(Flow {
    id,
    origin,
    destination,
    name,
    headings,
    scope,
    schedule,
    keywords,
    currency,
    unit,
    default_value_minor,
    note,
});
packed_struct!(Settlement {
    paid_from,
    paid_to,
    outcome,
    rate,
    decided,
    sources,
    confidence
});
packed_struct!(Measure {
    id,
    flow,
    kind,
    name,
    rate,
    start,
    end,
    instrument,
    sources,
    confidence,
    note,
    suspends,
    exporters,
    end_at_least,
    settlements,
});
packed_struct!(Quota {
    id,
    flow,
    name,
    start,
    end,
    first_year_units,
    growth,
    waives,
    over_quota_confidence,
    over_quota_note,
    growth_confidence,
    growth_note,
    instrument,
    sources,
    confidence,
});
packed_struct!(Event {
    id,
    date,
    precision,
    end,
    title,
    description,
    category,
    sources,
    confidence,
    priority,
    starts,
    ends,
});
packed_struct!(ExchangeRate {
    currency,
    from,
    cad_micros,
    source,
    confidence,
    note
});
packed_struct!(Change {
    version,
    date,
    summary,
    sources
});
packed_struct!(Dataset {
    schema,
    version,
    changes,
    as_of,
    coverage,
    deal_date,
    flows,
    measures,
    quotas,
    events,
    exchange_rates,
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::dataset;

    #[test]
    fn the_built_in_data_comes_back_as_it_went_in() {
        let ds = dataset();
        let bytes = pack(&ds);
        assert_eq!(unpack(&bytes).as_ref(), Some(&ds));
    }

    #[test]
    fn damaged_bytes_read_as_nothing() {
        let bytes = pack(&dataset());
        assert!(unpack(&bytes[..bytes.len() - 1]).is_none(), "cut short");
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(unpack(&longer).is_none(), "trailing bytes");
        assert!(unpack(b"TWD0").is_none(), "another layout");
        assert!(unpack(b"{\"flows\": []}").is_none(), "JSON");
        for cut in (4..bytes.len()).step_by(997) {
            let _ = unpack(&bytes[..cut]); // never panics
        }
    }

    #[test]
    fn integers_round_trip_at_their_limits() {
        for v in [0i64, 1, -1, 63, -64, i64::MAX, i64::MIN] {
            let mut out = Vec::new();
            v.put(&mut out);
            assert_eq!(i64::take(&mut Bytes(&out)), Some(v));
        }
        let mut out = Vec::new();
        u64::MAX.put(&mut out);
        assert_eq!(u8::take(&mut Bytes(&out)), None, "too wide for a u8");
    }
}
