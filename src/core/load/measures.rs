//! Pass 3 for measures: their flows and windows, the exporters a ban names,
//! the settlements of provisional deposits, suspensions and overlapping
//! layers, each problem naming the measure by its id.

use super::rules::Checker;
use super::shapes::*;
use super::sources::{at_least_one, primary_behind, SourceRules};
use crate::core::date::Date;
use crate::core::model::*;
use std::collections::{HashMap, HashSet};

pub(super) fn measures(
    c: &mut Checker,
    src: &mut SourceRules,
    raw: Vec<(String, RawMeasure)>,
    flow_ids: &HashSet<&str>,
) -> (Vec<Measure>, HashMap<String, String>) {
    let mut measure_ids = HashSet::new();
    let mut measures = Vec::new();
    let mut records = HashMap::new();
    for (rec, m) in raw {
        c.id(&rec, &m.id, &mut measure_ids);
        if !flow_ids.contains(m.flow.as_str()) {
            c.rule(&rec, format!("flow \"{}\" is not in flows", m.flow));
        }
        c.window(&rec, m.start, m.end);
        let rate = match (m.kind.has_rate(), m.rate) {
            (true, Some(r)) => c.rate(&rec, "rate", r),
            (true, None) => {
                c.rule(&rec, "rate: a layer of this kind needs a rate");
                None
            }
            (false, Some(_)) => {
                c.rule(&rec, "rate: a ban or suspension has no rate; remove it");
                None
            }
            (false, None) => None,
        };
        match (m.kind, &m.suspends) {
            (MeasureKind::Suspension, None) => c.rule(
                &rec,
                "suspends: name the measure this suspension switches off",
            ),
            (MeasureKind::Suspension, Some(_)) if m.start.is_none() || m.end.is_none() => {
                c.rule(&rec, "a suspension needs both a start and an end date")
            }
            (k, Some(_)) if k != MeasureKind::Suspension => {
                c.rule(&rec, "suspends: only a suspension may name a measure")
            }
            _ => {}
        }
        let exporters = exporters(c, &rec, m.kind, m.exporters);
        if m.end_at_least && (m.kind != MeasureKind::Suspension || m.end.is_none()) {
            c.rule(
                &rec,
                "end_at_least: only a suspension's end can be open-ended (\"until at least\"); remove it or make the measure a suspension",
            );
        }
        let settlements = settlements(c, src, &rec, &m.kind, m.start, m.end, m.settlements);
        // A plain address (before schema 2) has no kind yet: its own
        // message says what to write, the kind rules wait for it.
        let bare = m.sources.iter().any(|s| s.bare);
        let sources = src.list(c, &rec, m.sources);
        at_least_one(c, &rec, &sources);
        if !bare {
            primary_behind(c, &rec, m.confidence, &sources);
        }
        records.insert(m.id.clone(), rec.clone());
        measures.push(Measure {
            name: c.text(&rec, "name", m.name),
            instrument: c.text(&rec, "instrument", m.instrument),
            note: c.opt_text(&rec, "note", m.note),
            sources,
            id: m.id,
            flow: m.flow,
            kind: m.kind,
            rate,
            start: m.start,
            end: m.end,
            confidence: m.confidence,
            suspends: m.suspends,
            exporters,
            end_at_least: m.end_at_least,
            settlements,
        });
    }
    suspensions(c, &measures, &records);
    overlaps(c, &measures, &records);
    (measures, records)
}

/// An exporter ban names its exporters; no other kind does.
fn exporters(
    c: &mut Checker,
    rec: &str,
    kind: MeasureKind,
    raw: Option<Vec<String>>,
) -> Vec<String> {
    let list = raw.unwrap_or_default();
    match kind {
        MeasureKind::ExporterBan if list.iter().all(|e| e.trim().is_empty()) => c.rule(
            rec,
            "exporters: an exporter ban names the exporters it applies to (\"exporters\": [\"…\"])",
        ),
        MeasureKind::ExporterBan => {}
        _ if !list.is_empty() => c.rule(
            rec,
            "exporters: only an exporter ban (kind \"exporter_ban\") names exporters",
        ),
        _ => {}
    }
    list
}

/// Settlements describe provisional deposits: each window inside the
/// measure's, the windows apart, a rate exactly when deposits were
/// recalculated, a decision not before the first deposit it settles.
#[allow(clippy::too_many_arguments)]
fn settlements(
    c: &mut Checker,
    src: &mut SourceRules,
    rec: &str,
    kind: &MeasureKind,
    start: Option<Date>,
    end: Option<Date>,
    raw: Vec<RawSettlement>,
) -> Vec<Settlement> {
    if !raw.is_empty() && *kind != MeasureKind::AntiDumpingProvisional {
        c.rule(
            rec,
            "settlements: only a provisional deposit (kind \"anti_dumping_provisional\") is settled later",
        );
    }
    let mut out: Vec<Settlement> = Vec::new();
    for s in raw {
        let at = &s.path;
        if s.paid_to < s.paid_from {
            c.rule(
                rec,
                format!(
                    "{at}: paid_to ({}) is before paid_from ({})",
                    s.paid_to, s.paid_from
                ),
            );
        }
        if start.is_some_and(|st| s.paid_from < st) || end.is_some_and(|e| s.paid_to > e) {
            c.rule(
                rec,
                format!("{at}: the deposits it settles fall outside the measure's window"),
            );
        }
        if s.decided < s.paid_from {
            c.rule(
                rec,
                format!(
                    "{at}: decided ({}) before the deposits it settles were paid",
                    s.decided
                ),
            );
        }
        let rate = match (s.outcome, s.rate) {
            (SettlementOutcome::Recalculated, Some(r)) => c.rate(rec, &format!("{at}.rate"), r),
            (SettlementOutcome::Recalculated, None) => {
                c.rule(
                    rec,
                    format!("{at}: a recalculation names its rate (\"rate\": 5.9)"),
                );
                None
            }
            (SettlementOutcome::Refunded, Some(_)) => {
                c.rule(rec, format!("{at}: a full refund has no rate; remove it"));
                None
            }
            (SettlementOutcome::Refunded, None) => None,
        };
        if out
            .iter()
            .any(|o| o.paid_from <= s.paid_to && s.paid_from <= o.paid_to)
        {
            c.rule(
                rec,
                format!("{at}: overlaps another settlement of the same deposits"),
            );
        }
        let sources = src.list(c, rec, s.sources);
        out.push(Settlement {
            paid_from: s.paid_from,
            paid_to: s.paid_to,
            outcome: s.outcome,
            rate,
            decided: s.decided,
            sources,
            confidence: s.confidence,
        });
    }
    out
}

/// Suspensions must name a measure of their own flow.
fn suspensions(c: &mut Checker, measures: &[Measure], records: &HashMap<String, String>) {
    for m in measures {
        if let Some(target) = &m.suspends {
            let rec = &records[&m.id];
            match measures.iter().find(|t| &t.id == target) {
                None => c.rule(
                    rec,
                    format!("suspends \"{target}\", which is not in measures"),
                ),
                Some(t) if t.flow != m.flow => c.rule(
                    rec,
                    format!("suspends \"{target}\", a measure of another flow"),
                ),
                Some(t) if t.kind == MeasureKind::Suspension => {
                    c.rule(rec, "a suspension cannot suspend a suspension")
                }
                _ => {}
            }
        }
    }
}

/// Two layers of one kind on one flow may not be in force on the same day
/// (for suspensions: two suspensions of the same measure; for exporter bans:
/// two bans naming the same exporter).
fn overlaps(c: &mut Checker, measures: &[Measure], records: &HashMap<String, String>) {
    for (i, a) in measures.iter().enumerate() {
        for b in &measures[i + 1..] {
            let same_layer = a.flow == b.flow
                && a.kind == b.kind
                && (a.kind != MeasureKind::Suspension || a.suspends == b.suspends)
                && (a.kind != MeasureKind::ExporterBan
                    || a.exporters.iter().any(|e| b.exporters.contains(e)));
            if same_layer && windows_overlap(a, b) {
                let rec = &records[&b.id];
                c.rule(
                    rec,
                    format!(
                        "overlaps \"{}\": two {} layers on flow \"{}\" are in force on the same days; end one the day before the other starts",
                        a.id,
                        a.kind.label(Lang::En).to_ascii_lowercase(),
                        a.flow
                    ),
                );
            }
        }
    }
}

fn windows_overlap(a: &Measure, b: &Measure) -> bool {
    let a_start = a.start.map_or(i32::MIN, Date::days);
    let b_start = b.start.map_or(i32::MIN, Date::days);
    let a_end = a.end.map_or(i32::MAX, Date::days);
    let b_end = b.end.map_or(i32::MAX, Date::days);
    a_start <= b_end && b_start <= a_end
}
