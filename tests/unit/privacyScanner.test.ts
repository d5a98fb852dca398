import { describe, expect, it } from 'vitest';
import { type FindingKind, type PrivacyFinding, type ScanOptions, noScanLists } from '../../shared/privacy/findings.js';
import { isValidNhsNumber, nhsCheckDigit } from '../../shared/privacy/nhsNumber.js';
import { letterIndex, nameKey, patientLetter, placeholderFor, placeholderForFinding, replacedNamesIn } from '../../shared/privacy/placeholders.js';
import { BlockScanner, scanText } from '../../shared/privacy/scanner.js';

const found = (text: string, options: ScanOptions = noScanLists) => scanText(text, options).map((finding) => [finding.kind, finding.text]);
const kinds = (text: string, options: ScanOptions = noScanLists) => scanText(text, options).map((finding) => finding.kind);
const only = (text: string, kind: FindingKind, options: ScanOptions = noScanLists) => scanText(text, options).filter((finding) => finding.kind === kind).map((finding) => finding.text);

describe('the NHS number check digit (Modulus 11)', () => {
  it('accepts the documented example 943 476 5919', () => {
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(isValidNhsNumber('9434765919')).toBe(true);
  });

  it('works out check digits by hand-checked sums', () => {
    // 4×10 + 1×8 + 2×6 + 3×5 + 2×4 + 1×3 + 3×2 = 92; 92 mod 11 = 4; 11 − 4 = 7.
    expect(nhsCheckDigit('401023213')).toBe(7);
    expect(isValidNhsNumber('4010232137')).toBe(true);
    // 4×10 + 2×2 = 44; 44 mod 11 = 0; 11 − 0 = 11, which stands for 0.
    expect(nhsCheckDigit('400000002')).toBe(0);
    expect(isValidNhsNumber('4000000020')).toBe(true);
  });

  it('rejects a start whose check would be 10, and a wrong last digit', () => {
    // 4×10 + 8×2 = 56; 56 mod 11 = 1; 11 − 1 = 10: no number starting 400000008 is valid.
    expect(nhsCheckDigit('400000008')).toBeNull();
    for (let last = 0; last <= 9; last += 1) expect(isValidNhsNumber(`400000008${last}`)).toBe(false);
    expect(isValidNhsNumber('943 476 5918')).toBe(false);
    expect(isValidNhsNumber('4010232138')).toBe(false);
    expect(isValidNhsNumber('401023213')).toBe(false);
  });
});

describe('NHS numbers in text', () => {
  it('finds one spaced, hyphenated or unbroken, with exact ranges', () => {
    const text = 'NHS number 943 476 5919 was on the label.';
    expect(scanText(text, noScanLists)).toEqual([
      expect.objectContaining({ start: 11, end: 23, kind: 'nhs-number', confidence: 'high', text: '943 476 5919' }),
    ]);
    expect(found('The form said 943-476-5919.')).toEqual([['nhs-number', '943-476-5919']]);
    expect(found('I copied 4010232137 from the notes.')).toEqual([['nhs-number', '4010232137']]);
  });

  it('is sure next to "NHS no", "NHS #" or "NHS:", and less sure without', () => {
    for (const label of ['NHS no. ', 'NHS No: ', 'NHS # ', 'NHS: ', 'NHS number ']) {
      expect(scanText(`${label}943 476 5919`, noScanLists)[0]?.confidence).toBe('high');
    }
    expect(scanText('Bed 3, NHS 943 476 5919.', noScanLists)[0]?.confidence).toBe('high');
    expect(scanText('The sticker read 943 476 5919.', noScanLists)[0]?.confidence).toBe('medium');
  });

  it('leaves ten digits that fail the check, unless "NHS number" sits right by them (a likely typo)', () => {
    expect(found('Order 943 476 5918 was delayed.')).toEqual([]);
    expect(found('The barcode 4010232138 was scanned.')).toEqual([]);
    const typo = scanText('NHS number 943 476 5918, which the system rejected.', noScanLists);
    expect(typo).toEqual([expect.objectContaining({ kind: 'nhs-number', confidence: 'medium', text: '943 476 5918' })]);
    expect(typo[0]?.reason).toMatch(/mistyped/);
  });

  it('ignores valid digits inside a longer run or mixed separators', () => {
    expect(only('Barcode 59434765919 scanned.', 'nhs-number')).toEqual([]);
    expect(only('Code 9434765919123 scanned.', 'nhs-number')).toEqual([]);
    expect(only('Value 943 476-5919 typed.', 'nhs-number')).toEqual([]);
    expect(only('Reading 1.9434765919 noted.', 'nhs-number')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it('flags dates next to birth words in the usual UK forms', () => {
    expect(only('DOB 12/03/1948 was on the chart.', 'date-of-birth')).toEqual(['12/03/1948']);
    expect(only('Her D.O.B. is 12.03.48 on the MAR chart.', 'date-of-birth')).toEqual(['12.03.48']);
    expect(only('She was born on 12 March 1948 in Leeds.', 'date-of-birth')).toEqual(['12 March 1948']);
    expect(only('He was born March 12th 1948, he said.', 'date-of-birth')).toEqual(['March 12th 1948']);
    expect(only('Date of birth: 12th of March 1948.', 'date-of-birth')).toEqual(['12th of March 1948']);
    expect(only('His birthday is 14 February and he loves cake.', 'date-of-birth')).toEqual(['14 February']);
    expect(only('She was born in April 1936.', 'date-of-birth')).toEqual(['April 1936']);
    expect(only('The date of birth was given as 1955-08-14.', 'date-of-birth')).toEqual(['1955-08-14']);
  });

  it('reads the forms records print: month abbreviations between hyphens, spaces between numbers', () => {
    expect(only('Her DOB is 12-Mar-1948.', 'date-of-birth')).toEqual(['12-Mar-1948']);
    expect(only('DOB 12/Mar/48 on the label.', 'date-of-birth')).toEqual(['12/Mar/48']);
    expect(only('DOB 12 03 1948 on the label.', 'date-of-birth')).toEqual(['12 03 1948']);
    expect(kinds('The meeting is on 12 03 2024 at 10.')).toEqual([]);
  });

  it('flags a dated year that fits an age in the same sentence, less surely', () => {
    const findings = scanText('The resident, 02.11.42, aged 81, was admitted.', noScanLists);
    expect(findings).toEqual([expect.objectContaining({ kind: 'date-of-birth', text: '02.11.42', confidence: 'medium' })]);
    expect(only('A 91-year-old lady (24/08/1932) was found on the floor.', 'date-of-birth')).toEqual(['24/08/1932']);
  });

  it('leaves dates of meetings, shifts and deadlines', () => {
    expect(kinds('We had our team meeting on 12/03/2024 to plan the pathway.')).toEqual([]);
    expect(kinds('The deadline is 30 June 2025.')).toEqual([]);
    expect(kinds('On 12 March 2024 I looked after a 92-year-old man.')).toEqual([]);
    expect(kinds('On 3 May I cared for an 84-year-old lady.')).toEqual([]);
    expect(kinds('The idea was born at the team away day on 4 June.')).toEqual([]);
  });

  it('does not take a bare age, an impossible date or a date in another sentence', () => {
    expect(kinds('She is 84 years old.')).toEqual([]);
    expect(kinds('DOB 31/02/1948 was obviously wrong.')).toEqual([]);
    expect(kinds('I asked for her DOB. The meeting on 12/03/1948 was long.')).toEqual([]);
  });
});

describe('postcodes', () => {
  it('finds full postcodes in capitals, spaced or not', () => {
    for (const postcode of ['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A1BB']) {
      expect(only(`The letter went to ${postcode} yesterday.`, 'postcode')).toEqual([postcode]);
    }
  });

  it('finds spaced postcodes in small letters, but not ordinal-looking words', () => {
    expect(only('I wrote pa2 9pn on the slip.', 'postcode')).toEqual(['pa2 9pn']);
    expect(only('The vitamin b12 2nd dose is due.', 'postcode')).toEqual([]);
    expect(only('The room b2 4th floor.', 'postcode')).toEqual([]);
  });

  it('finds an outward code only next to the word "postcode"', () => {
    expect(only('The team covers postcode LS6 and nearby.', 'postcode')).toEqual(['LS6']);
    expect(only('Deliveries within the OX3 postcode area.', 'postcode')).toEqual(['OX3']);
    expect(only('The LS6 area has many students.', 'postcode')).toEqual([]);
    expect(only('The M62 was closed.', 'postcode')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('finds mobiles, landlines and international forms, with exact ranges', () => {
    for (const phone of ['07700 900123', '07700900123', '0113 496 0123', '(0161) 496 0000', '020 7946 0018', '01632 960401', '+44 7700 900789', '+44 (0)7700 900112', '0044 7700 900517', '0161-496-0000']) {
      const text = `Please ring ${phone} today.`;
      expect(scanText(text, noScanLists)).toEqual([expect.objectContaining({ kind: 'phone', text: phone, start: 12, end: 12 + phone.length })]);
    }
  });

  it('takes the number and not a digit after it', () => {
    expect(only('Call 07700 900123 3 times a day.', 'phone')).toEqual(['07700 900123']);
  });

  it('leaves reference codes, bleeps, times and shift patterns', () => {
    expect(only('REF 0123-4567 is the complaint.', 'phone')).toEqual([]);
    expect(only('Bleep 4451 or ring 2222.', 'phone')).toEqual([]);
    expect(only('Shifts were 0700-1930 and 0800 1600.', 'phone')).toEqual([]);
    expect(only('The ISBN is 978-0-19-881423-7.', 'phone')).toEqual([]);
    expect(only('Breakfast at 07:30, lunch at 12:15.', 'phone')).toEqual([]);
  });
});

describe('email addresses', () => {
  it('finds an address and stops before closing punctuation', () => {
    const text = 'Write to j.smith@example.nhs.net.';
    expect(scanText(text, noScanLists)).toEqual([expect.objectContaining({ kind: 'email', text: 'j.smith@example.nhs.net', start: 9, end: 32 })]);
    expect(only('Reply to sam+college@example.com, please', 'email')).toEqual(['sam+college@example.com']);
  });

  it('leaves handles and an "@" without a domain', () => {
    expect(only('We shared the @NHSEngland post.', 'email')).toEqual([]);
    expect(only('Meet @ the station.', 'email')).toEqual([]);
    expect(only('user@localhost is not an address here', 'email')).toEqual([]);
  });
});

describe('titled names', () => {
  it('finds a title with a name, initials included', () => {
    expect(only('Mrs Patel was seen.', 'titled-name')).toEqual(['Mrs Patel']);
    expect(only('I helped Mr J Smith.', 'titled-name')).toEqual(['Mr J Smith']);
    expect(only('I helped Mr R. J. Wright today.', 'titled-name')).toEqual(['Mr R. J. Wright']);
    expect(only('Dr Lee explained.', 'titled-name')).toEqual(['Dr Lee']);
    expect(only("Mrs O'Neill smiled.", 'titled-name')).toEqual(["Mrs O'Neill"]);
    expect(only('Mr Smith-Jones walked.', 'titled-name')).toEqual(['Mr Smith-Jones']);
    expect(only('Mrs Ní Dhomhnaill spoke Irish.', 'titled-name')).toEqual(['Mrs Ní Dhomhnaill']);
    expect(only("Mrs Marsh's daughter rang.", 'titled-name')).toEqual(['Mrs Marsh']);
  });

  it('reads names in capitals after Mr, Mrs, Ms, Miss or Mx, and "Sr" for Sister', () => {
    expect(only('MRS PATEL was admitted.', 'titled-name')).toEqual(['MRS PATEL']);
    expect(only('MR JOHN SMITH was admitted.', 'titled-name')).toEqual(['MR JOHN SMITH']);
    expect(only('MR J SMITH SAID NO.', 'titled-name')).toEqual(['MR J SMITH']);
    expect(only('THE MR MEN BOOKS.', 'titled-name')).toEqual([]);
    expect(only('Sr Jones said yes.', 'titled-name')).toEqual(['Sr Jones']);
  });

  it('is surer of Mr, Mrs, Ms, Miss and Mx than of Dr, Sister or Nurse', () => {
    expect(scanText('Mrs Patel was seen.', noScanLists)[0]?.confidence).toBe('high');
    expect(scanText('Sister Brennan was on.', noScanLists)[0]?.confidence).toBe('medium');
  });

  it('leaves titles without a name, job titles and things named like people', () => {
    for (const text of [
      'Mrs and Mr are not always right.',
      'Dr. fixed appointments are rare.',
      'The Ward Sister asked me to lead.',
      'The Nurse Practitioner reviewed the wound.',
      'Mrs X, as I will call her, lived alone.',
      'The Mr Men books are battered.',
      'Sister Act was on television.',
      'The Master of Science starts soon.',
    ]) {
      expect(kinds(text)).toEqual([]);
    }
  });
});

describe('hospital, case and record numbers', () => {
  it('flags the code after its label, not the label', () => {
    const text = 'I wrote his hospital number K123456 on the form.';
    expect(scanText(text, noScanLists)).toEqual([expect.objectContaining({ kind: 'record-number', text: 'K123456', start: 28, end: 35, confidence: 'high' })]);
    expect(only('The case no. 2023/0456 was quoted.', 'record-number')).toEqual(['2023/0456']);
    expect(only('MRN 00451234 was printed.', 'record-number')).toEqual(['00451234']);
    expect(only('The hospital number was J778812.', 'record-number')).toEqual(['J778812']);
    expect(only('The unit numbers A112233 and A112238 were mixed up.', 'record-number')).toEqual(['A112233', 'A112238']);
  });

  it('finds National Insurance numbers by shape', () => {
    expect(only('A letter with QQ 12 34 56 C on it.', 'record-number')).toEqual(['QQ 12 34 56 C']);
  });

  it('leaves bed, bay and ward numbers and codes without a label', () => {
    expect(kinds('The patient in bed 12 of bay 3 on Ward 7B.')).toEqual([]);
    expect(kinds('The GP practice code is B82001.')).toEqual([]);
    expect(kinds('In case of fire, use the day room; case 3 in module 4.')).toEqual([]);
    expect(kinds('I referred to the Code (NMC, 2018) and NMC 1.4.')).toEqual([]);
  });
});

describe('the always-flag and never-flag lists', () => {
  const lists: ScanOptions = { alwaysFlag: ['Kowalski', 'Jean Hartley'], neverFlag: ['Okafor', 'Hilary Jones'] };

  it('flags listed names as whole words in any case', () => {
    expect(only('kowalski was in pain; KOWALSKI again.', 'listed-name', lists)).toEqual(['kowalski', 'KOWALSKI']);
    expect(only('I saw Jean  Hartley today.', 'listed-name', lists)).toEqual(['Jean  Hartley']);
    expect(only('Kowalskis and Kowalskiego are not whole words.', 'listed-name', lists)).toEqual([]);
  });

  it('drops a titled name holding a never-flag name, and only that one', () => {
    expect(found('Dr Amara Okafor signed, and Mr Jones watched.', lists)).toEqual([['titled-name', 'Mr Jones']]);
    expect(found('Dr Hilary Jones was on television.', lists)).toEqual([]);
  });

  it('clears nothing but titled names: an email address, or a name on the always-flag list, stays flagged', () => {
    expect(found('Email amara.okafor@example.nhs.net for help.', lists)).toEqual([['email', 'amara.okafor@example.nhs.net']]);
    expect(found('I visited Jean Hartley at home.', { alwaysFlag: ['Jean Hartley'], neverFlag: ['Jean'] })).toEqual([['listed-name', 'Jean Hartley']]);
    expect(found('Mr Smith, the patient in bay 4, was upset.', { alwaysFlag: ['Smith'], neverFlag: ['Anna Smith'] })).toEqual([['titled-name', 'Mr Smith']]);
  });

  it('ignores empty and punctuation-only list entries', () => {
    expect(found('Nothing here at all.', { alwaysFlag: ['', '  ', '.'], neverFlag: [''] })).toEqual([]);
  });

  it('treats list entries literally, not as patterns', () => {
    expect(found('He wrote a+b and ab.', { alwaysFlag: ['a+b'], neverFlag: [] })).toEqual([['listed-name', 'a+b']]);
  });
});

describe('overlaps', () => {
  it('keeps the longer finding: a titled name over the listed surname inside it', () => {
    expect(found('Mrs Patel was seen.', { alwaysFlag: ['Patel'], neverFlag: [] })).toEqual([['titled-name', 'Mrs Patel']]);
    expect(scanText('Dr Lee came.', { alwaysFlag: ['Lee'], neverFlag: [] })).toEqual([expect.objectContaining({ kind: 'titled-name', confidence: 'high' })]);
  });

  it('keeps a labelled record number over an NHS-shaped number of the same length', () => {
    expect(found('CHI number 9434765919 on the letter.')).toEqual([['record-number', '9434765919']]);
  });

  it('keeps an email address over a listed name inside it', () => {
    expect(found('Mail jenny.frost@example.com now.', { alwaysFlag: ['Frost'], neverFlag: [] })).toEqual([['email', 'jenny.frost@example.com']]);
  });

  it('returns findings sorted by start and never overlapping', () => {
    const text = 'Mrs Kaur, DOB 14/02/1937, NHS number 943 476 5919, lives at LS6 3HG; ring 07700 900246 or email k.kaur@example.com.';
    const findings = scanText(text, { alwaysFlag: ['Kaur'], neverFlag: [] });
    expect(findings.map((finding) => finding.kind)).toEqual(['titled-name', 'date-of-birth', 'nhs-number', 'postcode', 'phone', 'email']);
    for (let index = 1; index < findings.length; index += 1) expect(findings[index]?.start).toBeGreaterThanOrEqual(findings[index - 1]?.end ?? 0);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
  });
});

describe('offsets', () => {
  it('counts UTF-16 code units, so emoji and accents before a finding shift it exactly', () => {
    const text = 'Café ☕️ 😊 — Mrs Patel, NHS number 943 476 5919.';
    const findings = scanText(text, noScanLists);
    expect(findings.map((finding) => [finding.start, finding.end])).toEqual([
      [text.indexOf('Mrs Patel'), text.indexOf('Mrs Patel') + 9],
      [text.indexOf('943'), text.indexOf('943') + 12],
    ]);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
  });

  it('gives every finding a plain sentence of reason', () => {
    const findings = scanText('Mrs Kaur, DOB 14/02/1937, MRN 00451234, LS6 3HG, 07700 900246, k@example.com, 943 476 5919.', noScanLists);
    expect(findings).toHaveLength(7);
    for (const finding of findings) expect(finding.reason).toMatch(/^[A-Z‘].+\.$/);
  });
});

describe('speed on awkward text', () => {
  it('stays linear on long runs that tempt backtracking', () => {
    const awkward = [
      'a'.repeat(50_000),
      `${'x.'.repeat(20_000)}@`,
      '0 '.repeat(20_000),
      '1-'.repeat(20_000),
      'Mr '.repeat(10_000),
      'A. '.repeat(10_000),
      '12/'.repeat(10_000),
      'hospital number '.repeat(3_000),
    ];
    for (const text of awkward) {
      const started = performance.now();
      scanText(text, { alwaysFlag: ['Patel'], neverFlag: ['Okafor'] });
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });
});

describe('BlockScanner', () => {
  const counting = () => {
    const scanned: string[] = [];
    const scanner = new BlockScanner(noScanLists, {
      scanBlock: (text, options) => {
        scanned.push(text);
        return scanText(text, options);
      },
    });
    return { scanner, scanned };
  };

  it('gives each block its own findings, offsets within the block', () => {
    const { scanner } = counting();
    const [first, second] = scanner.scan(['Nothing here.', 'Then Mrs Patel came.']);
    expect(first).toEqual([]);
    expect(second).toEqual([expect.objectContaining({ kind: 'titled-name', start: 5, end: 14 })]);
  });

  it('rescans only the block that changed', () => {
    const { scanner, scanned } = counting();
    const blocks = ['First paragraph about Mrs Patel.', 'Second paragraph.', 'Third, NHS number 943 476 5919.'];
    scanner.scan(blocks);
    expect(scanned).toHaveLength(3);
    scanned.length = 0;
    const edited = [blocks[0] ?? '', 'Second paragraph!', blocks[2] ?? ''];
    const findings = scanner.scan(edited);
    expect(scanned).toEqual(['Second paragraph!']);
    expect(findings.map((block) => block.map((finding) => finding.kind))).toEqual([['titled-name'], [], ['nhs-number']]);
    scanned.length = 0;
    scanner.scan(edited);
    expect(scanned).toEqual([]);
  });

  it('scans one block given as a string', () => {
    const { scanner, scanned } = counting();
    expect(scanner.scan('Ring 07700 900123.')).toEqual([expect.objectContaining({ kind: 'phone' })]);
    scanner.scan('Ring 07700 900123.');
    expect(scanned).toHaveLength(1);
  });

  it('keeps a bounded number of blocks, forgetting the least recently seen', () => {
    const scanned: string[] = [];
    const scanner = new BlockScanner(noScanLists, { mostBlocksKept: 2, scanBlock: (text, options) => (scanned.push(text), scanText(text, options)) });
    scanner.scan(['one', 'two']);
    scanner.scan(['one']);
    scanner.scan(['three']);
    expect(scanner.size).toBe(2);
    scanned.length = 0;
    scanner.scan(['one', 'two']);
    expect(scanned).toEqual(['two']);
  });

  it('uses its own lists for every block', () => {
    const scanner = new BlockScanner({ alwaysFlag: ['Kowalski'], neverFlag: [] });
    expect(scanner.scan(['Kowalski was in pain.'])[0]).toEqual([expect.objectContaining({ kind: 'listed-name', text: 'Kowalski' })]);
  });
});

describe('placeholders', () => {
  it('names each kind plainly', () => {
    expect(placeholderFor('nhs-number')).toBe('[NHS number]');
    expect(placeholderFor('date-of-birth')).toBe('[date of birth]');
    expect(placeholderFor('postcode')).toBe('[postcode]');
    expect(placeholderFor('phone')).toBe('[phone number]');
    expect(placeholderFor('email')).toBe('[email address]');
    expect(placeholderFor('record-number')).toBe('[record number]');
    expect(placeholderFor('titled-name', 0)).toBe('[patient A]');
    expect(placeholderFor('listed-name', 1)).toBe('[patient B]');
  });

  it('letters names as spreadsheet columns past Z', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(patientLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    for (const index of [0, 25, 26, 701, 702]) expect(letterIndex(patientLetter(index))).toBe(index);
  });

  it('gives the same person the same letter and a new person the next one', () => {
    const asFinding = (kind: PrivacyFinding['kind'], text: string) => ({ kind, text });
    let names: readonly string[] = [];
    const steps = [asFinding('titled-name', 'Mrs Patel'), asFinding('titled-name', 'Mr J Smith'), asFinding('listed-name', 'patel'), asFinding('nhs-number', '943 476 5919'), asFinding('titled-name', 'Dr Lee'), asFinding('titled-name', 'Mr Smith')];
    const placed = steps.map((finding) => {
      const result = placeholderForFinding(finding, names);
      names = result.names;
      return result.placeholder;
    });
    expect(placed).toEqual(['[patient A]', '[patient B]', '[patient A]', '[NHS number]', '[patient C]', '[patient B]']);
    expect(names).toEqual(['patel', 'smith', 'lee']);
  });

  it('keys names by surname without title or initials', () => {
    expect(nameKey('Mr R. J. Wright')).toBe('wright');
    expect(nameKey('Mrs Anita Patel')).toBe('patel');
    expect(nameKey('Mrs O’Neill')).toBe("o'neill");
    expect(nameKey('Jean Hartley')).toBe('hartley');
  });

  it('never reuses a letter already placed in the text', () => {
    const names = replacedNamesIn('We met [patient A] and later [patient C].');
    expect(names).toHaveLength(3);
    expect(placeholderForFinding({ kind: 'titled-name', text: 'Mrs Begum' }, names).placeholder).toBe('[patient D]');
  });
});
