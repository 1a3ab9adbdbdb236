//! Plain words: the Flesch-Kincaid grade of all English visitor-facing text stays at 8 or
//! below. Prints the figure and the hardest sentences so authors know what to rewrite.

mod common;

use common::content;

/// Syllables in a word, by the usual vowel-group count (silent final "e" dropped).
fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    let n = w.len();
    // A silent final "e" (make), but not "-le" after a consonant (needle).
    if n > 2 {
        let consonant_le = w[n - 2] == 'l' && !vowel(w[n - 3]);
        if w[n - 1] == 'e' && !vowel(w[n - 2]) && !consonant_le {
            count -= 1;
        }
    }
    count.max(1)
}

struct Stats {
    sentences: usize,
    words: usize,
    syllables: usize,
}

impl Stats {
    fn grade(&self) -> f64 {
        0.39 * self.words as f64 / self.sentences as f64
            + 11.8 * self.syllables as f64 / self.words as f64
            - 15.59
    }
}

/// Splits a text into sentences; a text without end punctuation is one sentence.
fn sentences(text: &str) -> Vec<String> {
    let clean = text.replace(['{', '}'], "");
    clean
        .split(['.', '!', '?', ':'])
        .map(str::trim)
        .filter(|s| s.chars().any(|c| c.is_alphabetic()))
        .map(String::from)
        .collect()
}

fn words(sentence: &str) -> Vec<&str> {
    sentence
        .split(|c: char| c.is_whitespace() || c == '/' || c == '(' || c == ')' || c == ',')
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .collect()
}

#[test]
fn english_text_reads_at_grade_8_or_below() {
    let mut total = Stats {
        sentences: 0,
        words: 0,
        syllables: 0,
    };
    let mut hardest: Vec<(f64, String)> = Vec::new();
    for (_, text) in content().locales["en"].texts() {
        for s in sentences(text) {
            let ws = words(&s);
            let syl: usize = ws.iter().map(|w| syllables(w)).sum();
            let one = Stats {
                sentences: 1,
                words: ws.len(),
                syllables: syl,
            };
            hardest.push((one.grade(), s.clone()));
            total.sentences += 1;
            total.words += ws.len();
            total.syllables += syl;
        }
    }
    hardest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let grade = total.grade();
    println!(
        "Flesch-Kincaid grade of all English visitor text: {grade:.1} ({} sentences, {} words, {:.2} words per sentence, {:.2} syllables per word)",
        total.sentences,
        total.words,
        total.words as f64 / total.sentences as f64,
        total.syllables as f64 / total.words as f64
    );
    println!("hardest sentences:");
    for (g, s) in hardest.iter().take(8) {
        println!("  {g:5.1}  {s}");
    }
    assert!(
        grade <= 8.0,
        "reading level is grade {grade:.1}; rewrite the hardest sentences above"
    );
}

#[test]
fn syllable_counter_matches_known_words() {
    for (w, n) in [
        ("skin", 1),
        ("needle", 2),
        ("provider", 3),
        ("treatment", 2),
        ("microneedling", 4),
        ("the", 1),
        ("isotretinoin", 5),
        ("make", 1),
    ] {
        assert_eq!(syllables(w), n, "{w}");
    }
}

/// Syllables in a Spanish word: vowel groups, where two strong vowels (a, e, o, or an accented
/// í or ú) are two syllables and a weak vowel (i, u, ü; y at the end of a word) joins its
/// neighbour (a diphthong).
fn syllables_es(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let kind = |i: usize| -> u8 {
        match w[i] {
            'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => 2,
            'i' | 'u' | 'ü' => 1,
            'y' if i + 1 == w.len() && i > 0 => 1,
            _ => 0,
        }
    };
    let mut count = 0;
    let mut prev = 0u8;
    for i in 0..w.len() {
        let k = kind(i);
        if k > 0 && (prev == 0 || (prev == 2 && k == 2)) {
            count += 1;
        }
        prev = k;
    }
    count.max(1)
}

#[test]
fn spanish_syllable_counter_matches_known_words() {
    for (w, n) in [
        ("piel", 1),
        ("que", 1),
        ("hay", 1),
        ("día", 2),
        ("aéreo", 4),
        ("tratamiento", 4),
        ("isotretinoína", 7),
        ("sesiones", 3),
    ] {
        assert_eq!(syllables_es(w), n, "{w}");
    }
}

/// Spanish readability: INFLESZ (Szigriszt-Pazos, 206.835 − 62.3·syllables/words −
/// words/sentences; 65 to 80 is "fairly easy", above 80 "very easy") and Fernández-Huerta
/// (206.84 − 0.60·syllables per 100 words − 1.02·words per sentence). Printed for the closing
/// notes; INFLESZ must stay at 65 or more.
#[test]
fn spanish_text_is_fairly_easy_to_read() {
    let es = &content().locales["es"];
    let (mut sentences_n, mut words_n, mut syl_n) = (0usize, 0usize, 0usize);
    let mut hardest: Vec<(f64, String)> = Vec::new();
    for (_, text) in es.texts() {
        for s in sentences(text) {
            let ws = words(&s);
            let syl: usize = ws.iter().map(|w| syllables_es(w)).sum();
            if ws.is_empty() {
                continue;
            }
            hardest.push((
                206.835 - 62.3 * syl as f64 / ws.len() as f64 - ws.len() as f64,
                s.clone(),
            ));
            sentences_n += 1;
            words_n += ws.len();
            syl_n += syl;
        }
    }
    let per_word = syl_n as f64 / words_n as f64;
    let per_sentence = words_n as f64 / sentences_n as f64;
    let inflesz = 206.835 - 62.3 * per_word - per_sentence;
    let huerta = 206.84 - 0.60 * per_word * 100.0 - 1.02 * per_sentence;
    hardest.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!(
        "Spanish visitor text: INFLESZ {inflesz:.1}, Fernández-Huerta {huerta:.1} ({sentences_n} sentences, {words_n} words, {per_sentence:.2} words per sentence, {per_word:.2} syllables per word)"
    );
    println!("hardest sentences:");
    for (g, s) in hardest.iter().take(8) {
        println!("  {g:6.1}  {s}");
    }
    assert!(
        inflesz >= 65.0,
        "INFLESZ is {inflesz:.1}; rewrite the hardest sentences above"
    );
}
