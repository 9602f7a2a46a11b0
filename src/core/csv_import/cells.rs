//! The CSV itself: cells and records as RFC 4180 reads them, each cell with
//! its line and column, every malformed quote a problem.

use super::CsvProblem;

/// A cell and where it starts.
#[derive(Clone, Debug)]
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) line: usize,
    pub(super) column: usize,
}

/// RFC 4180 records (CRLF or LF line ends; a leading byte order mark is
/// skipped), each cell with its position; syntax problems into `problems`.
pub(super) fn records(text: &str, problems: &mut Vec<CsvProblem>) -> Vec<Vec<Cell>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut record: Vec<Cell> = Vec::new();
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    let mut cell = Cell {
        text: String::new(),
        line,
        column,
    };
    // Where we are in the cell: at its start, inside quotes, after the
    // closing quote, or in an unquoted cell.
    #[derive(PartialEq)]
    enum At {
        Start,
        Quoted,
        Closed,
        Plain,
    }
    let mut at = At::Start;
    let mut open = (0, 0);
    while let Some(c) = chars.next() {
        let here = (line, column);
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
        match (&at, c) {
            (At::Quoted, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                column += 1;
                cell.text.push('"');
            }
            (At::Quoted, '"') => at = At::Closed,
            (At::Quoted, c) => cell.text.push(c),
            (At::Start, '"') => {
                at = At::Quoted;
                open = here;
            }
            (_, ',') => {
                record.push(std::mem::replace(
                    &mut cell,
                    Cell {
                        text: String::new(),
                        line,
                        column,
                    },
                ));
                at = At::Start;
            }
            (_, '\r') if chars.peek() == Some(&'\n') => {}
            (_, '\n') | (_, '\r') => {
                if c == '\r' {
                    line += 1;
                    column = 1;
                }
                record.push(std::mem::replace(
                    &mut cell,
                    Cell {
                        text: String::new(),
                        line,
                        column,
                    },
                ));
                out.push(std::mem::take(&mut record));
                at = At::Start;
            }
            (At::Closed, c) => {
                problems.push(CsvProblem {
                    line: here.0,
                    column: here.1,
                    message: format!(
                        "\"{c}\" after a closing quote: a quoted cell ends with the quote (write a quote inside it as \"\")"
                    ),
                });
                cell.text.push(c);
            }
            (_, '"') => {
                problems.push(CsvProblem {
                    line: here.0,
                    column: here.1,
                    message: "a quote inside a cell that does not start with one: put the cell in quotes and double the quote (\"\")".into(),
                });
                cell.text.push('"');
                at = At::Plain;
            }
            (_, c) => {
                cell.text.push(c);
                at = At::Plain;
            }
        }
    }
    if at == At::Quoted {
        problems.push(CsvProblem {
            line: open.0,
            column: open.1,
            message: "this quoted cell is never closed: everything after it was read into it"
                .into(),
        });
    }
    if !(record.is_empty() && cell.text.is_empty() && at == At::Start) {
        record.push(cell);
        out.push(record);
    }
    out
}
