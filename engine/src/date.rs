//! Calendar dates without time zones: enough for "eligible from" and plan timelines.
//!
//! A [`Date`] is a day count from 1970-01-01 in the proleptic Gregorian calendar
//! (the civil-from-days algorithm by Howard Hinnant). "Today" is always an input.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

/// A date string that is not a real `YYYY-MM-DD` day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadDate;

impl Date {
    /// The day `year-month-day`, or `None` if no such day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(1900..=9999).contains(&year) {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// Year, month (1-12) and day (1-31).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    /// Days since 1970-01-01.
    pub fn day_number(self) -> i32 {
        self.days
    }

    /// The date `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i32) -> Date {
        Date {
            days: self.days + n,
        }
    }

    /// The same day of the month `n` months later; the last day of the month when that day is
    /// missing (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, n: i32) -> Date {
        let (y, m, d) = self.ymd();
        let total = y * 12 + (m as i32 - 1) + n;
        let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        let nd = d.min(days_in_month(ny, nm));
        Date {
            days: days_from_civil(ny, nm, nd),
        }
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.days - self.days
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, BadDate> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(BadDate);
        }
        let num = |r: core::ops::Range<usize>| -> Result<u32, BadDate> {
            let mut v = 0u32;
            for &c in &b[r] {
                if !c.is_ascii_digit() {
                    return Err(BadDate);
                }
                v = v * 10 + u32::from(c - b'0');
            }
            Ok(v)
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::from_ymd(y as i32, m, d).ok_or(BadDate)
    }

    /// Writes `YYYY-MM-DD` without pulling in the formatting machinery.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        let mut s = String::with_capacity(10);
        push_digits(&mut s, y as u32, 4);
        s.push('-');
        push_digits(&mut s, m, 2);
        s.push('-');
        push_digits(&mut s, d, 2);
        s
    }
}

fn push_digits(s: &mut String, v: u32, width: u32) {
    for i in (0..width).rev() {
        let digit = (v / 10u32.pow(i)) % 10;
        s.push(char::from(b'0' + digit as u8));
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&self.iso())
        } else {
            s.serialize_i32(self.days)
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        if d.is_human_readable() {
            let s = String::deserialize(d)?;
            Date::parse(&s).map_err(|_| serde::de::Error::custom("a date written YYYY-MM-DD"))
        } else {
            Ok(Date {
                days: i32::deserialize(d)?,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().day_number(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().day_number(), 11_017);
        assert_eq!(Date::parse("2026-11-21").unwrap().iso(), "2026-11-21");
    }

    #[test]
    fn rejects_impossible_days() {
        for s in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-01-01",
            "2026/01/01",
            "2026-1-01",
        ] {
            assert_eq!(Date::parse(s), Err(BadDate), "{s}");
        }
        assert!(Date::parse("2028-02-29").is_ok());
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        let d = Date::parse("2026-01-31").unwrap();
        assert_eq!(d.add_months(1).iso(), "2026-02-28");
        assert_eq!(
            Date::parse("2027-08-31").unwrap().add_months(6).iso(),
            "2028-02-29"
        );
        assert_eq!(
            Date::parse("2026-07-15").unwrap().add_months(12).iso(),
            "2027-07-15"
        );
        assert_eq!(
            Date::parse("2026-03-15").unwrap().add_months(-3).iso(),
            "2025-12-15"
        );
    }

    proptest::proptest! {
        #[test]
        fn iso_round_trips(n in -25_000i32..2_900_000) {
            let d = Date { days: n };
            if let Ok(back) = Date::parse(&d.iso()) { proptest::prop_assert_eq!(back, d); }
        }

        #[test]
        fn add_days_moves_exactly(n in 0i32..40_000, k in -5_000i32..5_000) {
            let d = Date { days: n };
            proptest::prop_assert_eq!(d.days_until(d.add_days(k)), k);
        }
    }
}
