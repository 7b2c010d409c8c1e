//! Per-code-point Unicode properties and case mappings, as CPython 3.11 sees
//! them (Unicode 14.0.0).
//!
//! # Data sources
//!
//! * General category: `unicode-general-category` 0.5.1 (Unicode 14.0.0).
//! * Full case mappings (upper/lower/title, SpecialCasing unconditional
//!   entries) and simple case folding: `unicode-case-mapping` 0.4.0
//!   (Unicode 14.0.0).
//! * Binary properties `Lowercase`, `Uppercase`, `Cased`, `Case_Ignorable`,
//!   `XID_Start`, `XID_Continue` and the `Numeric_Type` property:
//!   `icu_properties` 2.x, whose baked data is a *newer* Unicode version
//!   (18.0 at the time of writing).
//!
//! # Restricting the newer data to Unicode 14
//!
//! Every property taken from `icu_properties` is masked with "assigned in
//! Unicode 14" (general category from the Unicode 14 crate is not `Cn`), so
//! characters added after 14.0 have no properties at all, exactly as in
//! CPython 3.11.  The remaining differences are properties of characters that
//! already existed in 14.0 and were changed by later Unicode versions; those
//! are corrected by the small override lists in this file (each entry
//! documents the Unicode change).  The test-suite compares every code point
//! 0..=0x10FFFF (surrogates excluded) against CPython 3.11, so any new
//! disagreement (e.g. after bumping `icu_properties`) is reported.
//!
//! Full case folding (`str.casefold`) is derived from the Unicode 14 data
//! (the crate only ships *simple* folding): see [`to_fold_full`]; checked
//! over all code points by the tests.
//!
//! Lone surrogates (U+D800..U+DFFF) cannot occur in a Rust `char`, so they
//! are not handled here.

use icu_properties::props::{
    CaseIgnorable, Cased, Lowercase, NumericType, Uppercase, XidContinue, XidStart,
};
use icu_properties::{CodePointMapData, CodePointSetData};
pub use unicode_general_category::GeneralCategory;

/// The Unicode version whose behaviour this module reproduces.
pub const UNICODE_VERSION: (u64, u64, u64) = (14, 0, 0);

/// General category of `c` in Unicode 14.0.0.
pub fn general_category(c: char) -> GeneralCategory {
    let cp = c as u32;
    // The crate reports everything above its last table entry as private use;
    // U+FFFFE/U+FFFFF and U+10FFFE/U+10FFFF are noncharacters (Cn).
    if (cp & 0xFFFE) == 0xFFFE {
        return GeneralCategory::Unassigned;
    }
    unicode_general_category::get_general_category(c)
}

/// Two-letter general category abbreviation (`"Lu"`, `"Cn"`, ...), as
/// `unicodedata.category` returns it.
pub fn general_category_abbr(c: char) -> &'static str {
    use GeneralCategory::*;
    match general_category(c) {
        ClosePunctuation => "Pe",
        ConnectorPunctuation => "Pc",
        Control => "Cc",
        CurrencySymbol => "Sc",
        DashPunctuation => "Pd",
        DecimalNumber => "Nd",
        EnclosingMark => "Me",
        FinalPunctuation => "Pf",
        Format => "Cf",
        InitialPunctuation => "Pi",
        LetterNumber => "Nl",
        LineSeparator => "Zl",
        LowercaseLetter => "Ll",
        MathSymbol => "Sm",
        ModifierLetter => "Lm",
        ModifierSymbol => "Sk",
        NonspacingMark => "Mn",
        OpenPunctuation => "Ps",
        OtherLetter => "Lo",
        OtherNumber => "No",
        OtherPunctuation => "Po",
        OtherSymbol => "So",
        ParagraphSeparator => "Zp",
        PrivateUse => "Co",
        SpaceSeparator => "Zs",
        SpacingMark => "Mc",
        Surrogate => "Cs",
        TitlecaseLetter => "Lt",
        Unassigned => "Cn",
        UppercaseLetter => "Lu",
    }
}

/// True if `c` was assigned (general category other than `Cn`) in Unicode 14.
#[inline]
fn assigned14(c: char) -> bool {
    general_category(c) != GeneralCategory::Unassigned
}

/// `str.isalpha` for one character: general category Lu, Ll, Lt, Lm or Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    use GeneralCategory::*;
    matches!(
        general_category(c),
        UppercaseLetter | LowercaseLetter | TitlecaseLetter | ModifierLetter | OtherLetter
    )
}

/// `str.isdecimal` for one character: `Numeric_Type=Decimal` (which is the
/// same set as general category `Nd`).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    general_category(c) == GeneralCategory::DecimalNumber
}

fn numeric_type(c: char) -> NumericType {
    if !assigned14(c) {
        return NumericType::None;
    }
    if let Some(nt) = numeric_type_override(c) {
        return nt;
    }
    CodePointMapData::<NumericType>::new().get(c)
}

/// Characters whose `Numeric_Type` differs between Unicode 14.0 (CPython
/// 3.11: `None`) and the newer `icu_properties` data (`Numeric`): numeric
/// values added to existing CJK ideographs (Unihan kOtherNumeric) and
/// cuneiform signs by later Unicode versions.
const NUMERIC_ADDED_AFTER_14: &[u32] = &[
    0x4E24, 0x4EAC, 0x4FE9, 0x5006, 0x62D0, 0x6D1E, 0x7695, 0x79ED, 0x920E, 0x94A9, 0x12038,
    0x12039, 0x12079, 0x12226, 0x1222B, 0x1230B, 0x1230D, 0x12399,
];

fn numeric_type_override(c: char) -> Option<NumericType> {
    if NUMERIC_ADDED_AFTER_14.binary_search(&(c as u32)).is_ok() {
        Some(NumericType::None)
    } else {
        None
    }
}

/// `str.isdigit` for one character: `Numeric_Type` is Decimal or Digit.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    matches!(numeric_type(c), NumericType::Decimal | NumericType::Digit)
}

/// `str.isnumeric` for one character: any `Numeric_Type` other than None.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    numeric_type(c) != NumericType::None
}

/// `str.isalnum` for one character: isalpha or isdecimal or isdigit or
/// isnumeric.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_numeric(c)
}

/// `str.isspace` for one character.
///
/// CPython: bidirectional class WS, B or S, or general category Zs.  That is
/// the fixed set `\t \n \x0b \x0c \r \x1c-\x1f space \x85 \xa0 \u1680
/// \u2000-\u200a \u2028 \u2029 \u202f \u205f \u3000` (unchanged from Unicode
/// 6.3, when U+180E stopped being a space, to Unicode 14).
pub fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0D
            | 0x1C..=0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// True if `c` ends a line for `str.splitlines`: `\n \r \x0b \x0c \x1c \x1d
/// \x1e \x85 \u2028 \u2029`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c as u32,
        0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029
    )
}

/// `str.isprintable` for one character: false for general categories Cc, Cf,
/// Cs, Co, Cn, Zl, Zp, Zs, except that U+0020 SPACE is printable.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    use GeneralCategory::*;
    !matches!(
        general_category(c),
        Control
            | Format
            | Surrogate
            | PrivateUse
            | Unassigned
            | LineSeparator
            | ParagraphSeparator
            | SpaceSeparator
    )
}

/// Unicode `Lowercase` property (what CPython's per-character `islower`
/// tests).
pub fn is_lowercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    if let Some(v) = lowercase_override(c) {
        return v;
    }
    assigned14(c) && CodePointSetData::new::<Lowercase>().contains(c)
}

/// Characters whose `Lowercase` (and hence `Cased`) value differs between
/// Unicode 14.0 and the newer `icu_properties` data.
fn lowercase_override(c: char) -> Option<bool> {
    match c as u32 {
        // U+0295 LATIN LETTER PHARYNGEAL VOICED FRICATIVE: Ll in Unicode 14
        // (Lowercase, Cased); later recategorised as Lo.
        0x0295 => Some(true),
        // Modifier letters that later Unicode versions made Other_Lowercase
        // (hence Lowercase and Cased); neither in Unicode 14.
        0x10FC | 0xA7F2 | 0xA7F3 | 0xA7F4 | 0xAB69 => Some(false),
        _ => None,
    }
}

/// Unicode `Uppercase` property (CPython's per-character `isupper`).
pub fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    assigned14(c) && CodePointSetData::new::<Uppercase>().contains(c)
}

/// General category Lt (CPython's per-character "istitle" test).
pub fn is_titlecase(c: char) -> bool {
    general_category(c) == GeneralCategory::TitlecaseLetter
}

/// Unicode `Cased` property (used by `str.title`, `str.lower`'s final sigma
/// rule and friends).
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if let Some(v) = lowercase_override(c) {
        return v;
    }
    assigned14(c) && CodePointSetData::new::<Cased>().contains(c)
}

/// Unicode `Case_Ignorable` property (used by the final sigma rule).
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    // U+1171E AHOM CONSONANT SIGN MEDIAL RA was Mn (Case_Ignorable) in
    // Unicode 14; later recategorised as Mc.
    if c == '\u{1171E}' {
        return true;
    }
    assigned14(c) && CodePointSetData::new::<CaseIgnorable>().contains(c)
}

/// Unicode `XID_Start` (first character of an identifier, besides `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    assigned14(c) && CodePointSetData::new::<XidStart>().contains(c)
}

/// Unicode `XID_Continue` (later characters of an identifier).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    assigned14(c)
        && CodePointSetData::new::<XidContinue>().contains(c)
        && !xid_continue_added_after_14(c)
}

/// Unicode 15.1 added U+200C, U+200D, U+30FB and U+FF65 to
/// Other_ID_Continue, hence to XID_Continue; Unicode 14 did not have them.
fn xid_continue_added_after_14(c: char) -> bool {
    matches!(c as u32, 0x200C | 0x200D | 0x30FB | 0xFF65)
}

/// Up to three code points produced by a full case mapping of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseMapping {
    chars: [char; 3],
    len: u8,
}

impl CaseMapping {
    fn one(c: char) -> Self {
        CaseMapping {
            chars: [c, '\0', '\0'],
            len: 1,
        }
    }

    fn from_u32s(c: char, cps: &[u32]) -> Self {
        let mut out = CaseMapping {
            chars: ['\0'; 3],
            len: 0,
        };
        for &cp in cps {
            if cp == 0 {
                break;
            }
            if let Some(ch) = char::from_u32(cp) {
                out.chars[out.len as usize] = ch;
                out.len += 1;
            }
        }
        if out.len == 0 {
            // All zeros means "maps to itself".
            return CaseMapping::one(c);
        }
        out
    }

    fn push(&mut self, c: char) {
        if (self.len as usize) < self.chars.len() {
            self.chars[self.len as usize] = c;
            self.len += 1;
        }
    }

    /// The mapped code points.
    pub fn as_slice(&self) -> &[char] {
        &self.chars[..self.len as usize]
    }
}

impl IntoIterator for CaseMapping {
    type Item = char;
    type IntoIter = std::iter::Take<std::array::IntoIter<char, 3>>;
    fn into_iter(self) -> Self::IntoIter {
        self.chars.into_iter().take(self.len as usize)
    }
}

/// Full uppercase mapping (UnicodeData + unconditional SpecialCasing), e.g.
/// `'ß'` → `"SS"`.
pub fn to_upper_full(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_uppercase());
    }
    CaseMapping::from_u32s(c, &unicode_case_mapping::to_uppercase(c))
}

/// Full lowercase mapping without context (the final-sigma rule is applied
/// by the string-level functions), e.g. `'İ'` → `"i\u{307}"`.
pub fn to_lower_full(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_lowercase());
    }
    CaseMapping::from_u32s(c, &unicode_case_mapping::to_lowercase(c))
}

/// Full titlecase mapping, e.g. `'ﬁ'` → `"Fi"`, `'ǆ'` → `"ǅ"`.
pub fn to_title_full(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_uppercase());
    }
    CaseMapping::from_u32s(c, &unicode_case_mapping::to_titlecase(c))
}

fn simple_fold(c: char) -> char {
    match unicode_case_mapping::case_folded(c) {
        Some(nz) => char::from_u32(nz.get()).unwrap_or(c),
        None => c,
    }
}

/// Full case folding as used by `str.casefold`, e.g. `'ß'` → `"ss"`,
/// `'ẞ'` → `"ss"`.
///
/// CPython: the CaseFolding.txt `C`/`F` mapping if there is one, otherwise
/// the character itself (not its lowercase: Cherokee capital letters, whose
/// folding goes the other way, fold to themselves).
///
/// Status `F` (full) foldings are derived from the Unicode 14 data: each is
/// the simple folding of every code point of the full uppercase mapping of
/// the simple folding (`'ẞ'` → `'ß'` → `"SS"` → `"ss"`), or, for U+0130,
/// of its full lowercase mapping.  The tests check this against CPython for
/// every code point.
pub fn to_fold_full(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_lowercase());
    }
    let lower = to_lower_full(c);
    let expansion = if lower.len > 1 {
        Some(lower)
    } else {
        let x = simple_fold(c);
        let upper = to_upper_full(x);
        if upper.len > 1 {
            Some(upper)
        } else {
            return CaseMapping::one(x);
        }
    };
    let mut out = CaseMapping {
        chars: ['\0'; 3],
        len: 0,
    };
    for ch in expansion.into_iter().flatten() {
        out.push(simple_fold(ch));
    }
    out
}
