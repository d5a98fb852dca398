import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInFrameworks, frameworkFromBuiltIn } from '../../shared/frameworks/builtInFrameworks.js';
import type { Framework } from '../../shared/frameworks/framework.js';
import { type FrameworkImport, frameworkFileFormat, frameworkFileText, importFrameworkCsv, importFrameworkJson } from '../../shared/frameworks/frameworkFiles.js';
import { frameworkSchema } from '../../shared/frameworks/frameworkSchemas.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/frameworks/${name}`, import.meta.url), 'utf8');

/** Ids "new-1", "new-2", … in the order they are asked for. */
function counter(): () => string {
  let next = 0;
  return () => `new-${++next}`;
}

function imported(result: FrameworkImport): { framework: Framework; warnings: string[] } {
  if (!result.ok) throw new Error(`expected an import, got problems:\n${result.problems.join('\n')}`);
  expect(frameworkSchema.safeParse(result.framework).success).toBe(true);
  return result;
}

function problemsOf(result: FrameworkImport): string[] {
  if (result.ok) throw new Error('expected problems, got a framework');
  expect(result).not.toHaveProperty('framework');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** Everything but the ids, to compare frameworks that went through an import. */
function withoutIds(framework: Framework) {
  return {
    title: framework.title,
    number: framework.number,
    archived: framework.archived,
    builtIn: framework.builtIn,
    outcomes: framework.outcomes.map((outcome) => ({
      code: outcome.code,
      title: outcome.title,
      archived: outcome.archived,
      criteria: outcome.criteria.map((criterion) => ({ code: criterion.code, text: criterion.text, archived: criterion.archived })),
    })),
  };
}

function allIds(framework: Framework): string[] {
  return [framework.id, ...framework.outcomes.flatMap((outcome) => [outcome.id, ...outcome.criteria.map((criterion) => criterion.id)])];
}

const header = 'unit_number,unit_title,outcome_code,outcome_title,criterion_code,criterion_text';
const csv = (...rows: string[]) => [header, ...rows].join('\n');

describe('importing a framework from CSV', () => {
  it('reads a unit with outcomes and Pass, Merit and Distinction criteria', () => {
    const { framework, warnings } = imported(importFrameworkCsv(fixture('unit26.csv'), counter()));
    expect(warnings).toEqual([]);
    expect(framework.title).toBe('Supporting Team and Partnership Working Across Health and Social Care Services');
    expect(framework.number).toBe('26');
    expect(framework.builtIn).toBeNull();
    expect(framework.archived).toBe(false);
    expect(framework.outcomes.map((outcome) => outcome.code)).toEqual(['LO1', 'LO2', 'LO3', 'LO4']);
    expect(framework.outcomes.map((outcome) => outcome.criteria.map((criterion) => criterion.code))).toEqual([
      ['P1', 'P2', 'M1'],
      ['P3', 'P4', 'M2'],
      ['P5', 'P6', 'M3', 'D1'],
      ['P7', 'P8', 'M4', 'D2'],
    ]);
    expect(framework.outcomes[2]?.title).toBe('Understand the outcomes of partnership working');
    expect(framework.outcomes.every((outcome) => !outcome.archived && outcome.criteria.every((criterion) => !criterion.archived))).toBe(true);
  });

  it('gives the framework, every outcome and every criterion a fresh id', () => {
    const { framework } = imported(importFrameworkCsv(fixture('unit26.csv'), counter()));
    const ids = allIds(framework);
    expect(ids).toHaveLength(1 + 4 + 14);
    expect(new Set(ids).size).toBe(ids.length);
    expect(framework.id).toBe('new-1');
    expect(ids.every((id) => /^new-\d+$/.test(id))).toBe(true);
  });

  it('keeps commas, quotes and line breaks inside quoted cells', () => {
    const { framework } = imported(importFrameworkCsv(fixture('unit26.csv'), counter()));
    expect(framework.outcomes[0]?.criteria[0]?.text).toBe('Describe how one team you know shares out its work, and who decides');
    expect(framework.outcomes[2]?.criteria[0]?.text).toBe('Explain the outcomes of partnership working for:\n- the person who uses services\n- their family and carers');
    const quotes = imported(importFrameworkCsv(csv(',Unit,LO1,"The ""team"", and you",,'), counter()));
    expect(quotes.framework.outcomes[0]?.title).toBe('The "team", and you');
  });

  it('reads a file saved with a byte order mark and Windows line endings the same way', () => {
    const plain = imported(importFrameworkCsv(fixture('unit26.csv'), counter()));
    const windows = `\uFEFF${fixture('unit26.csv').replace(/\r?\n/g, '\r\n')}`;
    const read = imported(importFrameworkCsv(windows, counter()));
    expect(read.framework).toEqual(plain.framework);
    expect(read.framework.outcomes[2]?.criteria[0]?.text).not.toContain('\r');
  });

  it('accepts the columns in any order and in any case, and leaves out the optional ones', () => {
    const text = ['Outcome_Title , OUTCOME_CODE,unit_title', 'Work in a team,LO1,My unit', 'Work with partners,LO2,'].join('\n');
    const { framework } = imported(importFrameworkCsv(text, counter()));
    expect(framework).toMatchObject({ title: 'My unit', number: '' });
    expect(framework.outcomes.map((outcome) => [outcome.code, outcome.title, outcome.criteria.length])).toEqual([
      ['LO1', 'Work in a team', 0],
      ['LO2', 'Work with partners', 0],
    ]);
  });

  it('creates an outcome from a criterion row that gives its title, and matches codes whatever their case', () => {
    const { framework } = imported(
      importFrameworkCsv(csv('26,My unit,LO1,Work in a team,P1,Describe a team', ',,lo1,,P2,Explain a team', ',My unit,LO1,Work in a team,M1,Compare teams'), counter()),
    );
    expect(framework.outcomes).toHaveLength(1);
    expect(framework.outcomes[0]?.criteria.map((criterion) => criterion.code)).toEqual(['P1', 'P2', 'M1']);
  });

  it('ignores blank rows but counts them as a spreadsheet does', () => {
    const text = csv('26,My unit,LO1,Work in a team,,', '', ',,,,,', ',,LO2,,,');
    expect(problemsOf(importFrameworkCsv(text, counter()))).toEqual(['Row 5, column outcome_title: an outcome needs a title.']);
  });

  it('numbers rows by record, not by line, after a cell with line breaks', () => {
    const text = csv('26,My unit,LO1,"Work\nin a\nteam",,', ',,LO2,,,');
    expect(problemsOf(importFrameworkCsv(text, counter()))).toEqual(['Row 3, column outcome_title: an outcome needs a title.']);
  });

  it('reads "Unit 26" as the number 26 and says so', () => {
    const { framework, warnings } = imported(importFrameworkCsv(csv('Unit 26,My unit,LO1,Work in a team,,', 'Unit 26,,LO2,Work with partners,,'), counter()));
    expect(framework.number).toBe('26');
    expect(warnings).toEqual(['Row 2, column unit_number: “Unit 26” was read as the unit number “26”.']);
  });

  it('warns about an outcome with no criteria when others have them', () => {
    const { warnings } = imported(importFrameworkCsv(csv('26,My unit,LO1,Work in a team,P1,Describe a team', ',,LO2,Work with partners,,'), counter()));
    expect(warnings).toEqual(['Row 3: outcome LO2 has no criteria.']);
  });

  const good = '26,My unit,LO1,Work in a team,,';
  const badRows: [name: string, text: string, problem: string][] = [
    ['an outcome without a title', csv(good, ',,LO2,,,'), 'Row 3, column outcome_title: an outcome needs a title.'],
    ['an outcome without a code', csv(good, ',,,Work with partners,,'), 'Row 3, column outcome_code: an outcome needs a code.'],
    ['an outcome code used twice', csv(good, ',,lo1,Work in a team again,,'), 'Row 3, column outcome_code: outcome lo1 is already given on row 2. Each outcome code can be used once.'],
    ['a criterion without text', csv(good, ',,LO1,,P1,'), 'Row 3, column criterion_text: a criterion needs its text.'],
    ['a criterion without a code', csv(good, ',,LO1,,,Describe a team'), 'Row 3, column criterion_code: a criterion needs a code.'],
    ['a criterion without an outcome', csv(good, ',,,,P1,Describe a team'), 'Row 3, column outcome_code: a criterion needs the code of the outcome it belongs to.'],
    [
      'a criterion for an outcome not given yet',
      csv(good, ',,LO2,,P1,Describe a partner'),
      'Row 3, column outcome_code: there is no outcome LO2 on an earlier row. Add a row for it above this one, or give its title in outcome_title.',
    ],
    ['a criterion code used twice in one outcome', csv(good, ',,LO1,,P1,Describe a team', ',,LO1,,p1,Describe another team'), 'Row 4, column criterion_code: outcome LO1 already has a criterion p1 (row 3).'],
    [
      'a different outcome title on a criterion row',
      csv(good, ',,LO1,Work in two teams,P1,Describe a team'),
      'Row 3, column outcome_title: this is not the title outcome LO1 was given on row 2 (“Work in a team”). Leave it empty or repeat the same title.',
    ],
    ['no unit title on the first row', csv('26,,LO1,Work in a team,,'), "Row 2, column unit_title: the first row after the header needs the unit's title."],
    [
      'a different unit title later',
      csv(good, ',Another unit,LO2,Work with partners,,'),
      'Row 3, column unit_title: this is not the unit title given on row 2 (“My unit”). Leave it empty or repeat the same title.',
    ],
    [
      'a different unit number later',
      csv(good, '27,,LO2,Work with partners,,'),
      'Row 3, column unit_number: this is not the unit number given on row 2 (“26”). Leave it empty or repeat the same number.',
    ],
    ['an outcome title over the limit', csv(good, `,,LO2,${'x'.repeat(2_001)},,`), 'Row 3, column outcome_title: this is too long (2,001 characters; at most 2,000).'],
    ['a code over the limit', csv(good, `,,LO1,,${'P'.repeat(41)},Describe a team`), 'Row 3, column criterion_code: this is too long (41 characters; at most 40).'],
    [
      'a column the app does not know',
      `${header},Notes\n${good}`,
      'Row 1, column Notes: this is not a column the app knows. Remove it; the columns are unit_number, unit_title, outcome_code, outcome_title, criterion_code, criterion_text.',
    ],
    ['a column given twice', `${header},Outcome_Code\n${good}`, 'Row 1, column outcome_code: this column appears twice.'],
    ['a missing column', 'unit_title,outcome_code\nMy unit,LO1', 'Row 1: the header has no outcome_title column.'],
    ['a cell outside the named columns', csv(good, ',,LO2,Work with partners,,,stray'), 'Row 3, column G: this cell is outside the named columns. Remove it, or name its column in row 1.'],
  ];

  it.each(badRows)('refuses %s, naming the row and column', (_name, text, problem) => {
    expect(problemsOf(importFrameworkCsv(text, counter()))).toEqual([problem]);
  });

  const badFiles: [name: string, text: string, problem: string][] = [
    ['an empty file', '', 'The file is empty.'],
    ['a file of blank lines', '\uFEFF\r\n \r\n', 'The file is empty.'],
    ['a header and nothing else', `${header}\r\n`, 'The file has no rows after the header, so there is nothing to import.'],
    ['a unit with no outcomes', csv('26,My unit,,,,'), 'The file has no outcomes. Add at least one row with an outcome_code and an outcome_title.'],
    ['a JSON file', '{"title": "My unit"}', 'The file is not CSV (it looks like a JSON file). Import it as a JSON framework file instead.'],
    ['binary data', 'PK\u0003\u0004\u0000\u0000', 'The file is not a text file (it holds binary data).'],
    ['text that is not a framework', 'Dear diary,\nToday I went to work.', 'Row 1: this is not a framework CSV file. The first row must name the columns: unit_number, unit_title, outcome_code, outcome_title, criterion_code, criterion_text.'],
    ['a quote that is never closed', csv(good, ',,LO2,"Work with partners,,'), 'Row 3: a quoted cell is never closed (a " is missing), so the file is not valid CSV.'],
    ['semicolons between columns', `${header.replaceAll(',', ';')}\n26;My unit;LO1;Work in a team;;`, 'Row 1: the columns are separated by semicolons. Save the file as CSV with commas between the columns.'],
    ['a file over 2 MB', csv(good, ...Array.from({ length: 30_000 }, (_, index) => `,,LO1,,P${index},${'x'.repeat(60)}`)), 'The file is too large to be a framework file (it is over 2 MB).'],
  ];

  it.each(badFiles)('refuses %s', (_name, text, problem) => {
    expect(problemsOf(importFrameworkCsv(text, counter()))).toEqual([problem]);
  });

  it('reports every problem at once, and no framework', () => {
    const problems = problemsOf(importFrameworkCsv(csv('26,,LO1,,,', ',,LO2,,,', ',,,,P1,'), counter()));
    expect(problems).toEqual([
      "Row 2, column unit_title: the first row after the header needs the unit's title.",
      'Row 2, column outcome_title: an outcome needs a title.',
      'Row 3, column outcome_title: an outcome needs a title.',
      'Row 4, column criterion_text: a criterion needs its text.',
      'Row 4, column outcome_code: a criterion needs the code of the outcome it belongs to.',
    ]);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const rows = Array.from({ length: 25 }, (_, index) => `,,LO${index + 2},,,`);
    const problems = problemsOf(importFrameworkCsv(csv(good, ...rows), counter()));
    expect(problems).toHaveLength(21);
    expect(problems[0]).toBe('Row 3, column outcome_title: an outcome needs a title.');
    expect(problems[19]).toBe('Row 22, column outcome_title: an outcome needs a title.');
    expect(problems[20]).toBe('…and 5 more problems.');
    const oneMore = problemsOf(importFrameworkCsv(csv(good, ...rows.slice(0, 21)), counter()));
    expect(oneMore[20]).toBe('…and 1 more problem.');
  });

  it('keeps hostile text as plain text', () => {
    const { framework } = imported(importFrameworkCsv(csv(`26,<script>alert(1)</script>,LO1,"=HYPERLINK(""http://example.invalid"")",P1,{{constructor}} \${process}`), counter()));
    expect(framework.title).toBe('<script>alert(1)</script>');
    expect(framework.outcomes[0]?.title).toBe('=HYPERLINK("http://example.invalid")');
    expect(framework.outcomes[0]?.criteria[0]?.text).toBe('{{constructor}} ${process}');
  });

  it('never throws, whatever it is given', () => {
    const pieces = ['"', ',', '\n', '\r', 'LO1', 'unit_title', header, '""', ' ', '\uFEFF', 'x'];
    let seed = 1;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    for (let run = 0; run < 500; run += 1) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const result = importFrameworkCsv(text, counter());
      if (result.ok) expect(frameworkSchema.safeParse(result.framework).success).toBe(true);
      else expect(result.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('importing a framework from JSON', () => {
  it('reads a bare framework, filling in what it leaves out', () => {
    const { framework, warnings } = imported(importFrameworkJson(fixture('unit26-bare.json'), counter()));
    expect(warnings).toEqual([]);
    expect(framework).toMatchObject({ id: 'new-1', number: '26', archived: false, builtIn: null });
    expect(framework.outcomes.map((outcome) => [outcome.code, outcome.archived, outcome.criteria.length])).toEqual([
      ['LO3', false, 3],
      ['LO4', false, 0],
    ]);
  });

  it('reads the envelope, keeping the built-in source and archived flags but not the ids', () => {
    const { framework } = imported(importFrameworkJson(fixture('nmc-envelope.json'), counter()));
    expect(framework.builtIn).toEqual({ id: 'nmc-code-themes', version: 1 });
    expect(framework.outcomes.map((outcome) => outcome.archived)).toEqual([false, false, true, false]);
    expect(allIds(framework)).toEqual(['new-1', 'new-2', 'new-3', 'new-4', 'new-5']);
  });

  it('ignores a built-in source in a bare framework', () => {
    const text = JSON.stringify({ id: 'nmc-code-themes', title: 'Mine', builtIn: { id: 'nmc-code-themes', version: 1 }, outcomes: [{ code: 'T1', title: 'People' }] });
    const { framework } = imported(importFrameworkJson(text, counter()));
    expect(framework.builtIn).toBeNull();
    expect(framework.id).toBe('new-1');
  });

  it('reads a unit number written as a number, and "Unit 26" as 26', () => {
    expect(imported(importFrameworkJson(JSON.stringify({ title: 'Mine', number: 26, outcomes: [] }), counter())).framework.number).toBe('26');
    const unit = imported(importFrameworkJson(JSON.stringify({ title: 'Mine', number: 'Unit 26', outcomes: [{ code: 'LO1', title: 'A' }] }), counter()));
    expect(unit.framework.number).toBe('26');
    expect(unit.warnings).toEqual(['The unit number “Unit 26” was read as “26”.']);
  });

  it('warns, without refusing, about no outcomes and codes used twice', () => {
    const empty = imported(importFrameworkJson(JSON.stringify({ title: 'Mine', outcomes: [] }), counter()));
    expect(empty.warnings).toEqual(['The framework has no outcomes yet.']);
    const twice = imported(
      importFrameworkJson(
        JSON.stringify({ title: 'Mine', outcomes: [{ code: 'LO1', title: 'Old', archived: true }, { code: 'LO1', title: 'New' }, { code: 'lo1', title: 'Again' }] }),
        counter(),
      ),
    );
    expect(twice.warnings).toEqual(['Outcome 3: the code lo1 is also used by outcome 2.']);
  });

  it('round-trips through frameworkFileText with new ids', () => {
    const framework: Framework = {
      id: 'unit-26',
      title: 'Supporting Team and Partnership Working',
      number: '26',
      archived: true,
      builtIn: null,
      outcomes: [
        {
          id: 'lo3',
          code: 'LO3',
          title: 'Understand the outcomes of partnership working',
          archived: false,
          criteria: [
            { id: 'p5', code: 'P5', text: 'Explain the outcomes\nfor people and "carers"', archived: false },
            { id: 'p6', code: 'P6', text: 'An old criterion', archived: true },
          ],
        },
        { id: 'lo4', code: 'LO4', title: 'Reflect on your own contribution', archived: true, criteria: [] },
      ],
    };
    const text = frameworkFileText(framework);
    const { framework: back, warnings } = imported(importFrameworkJson(text, counter()));
    expect(warnings).toEqual([]);
    expect(withoutIds(back)).toEqual(withoutIds(framework));
    expect(allIds(back).some((id) => allIds(framework).includes(id))).toBe(false);
  });

  it('round-trips every built-in framework, keeping where it came from', () => {
    for (const builtIn of builtInFrameworks) {
      const framework = frameworkFromBuiltIn(builtIn);
      const back = imported(importFrameworkJson(frameworkFileText(framework), counter())).framework;
      expect(withoutIds(back)).toEqual(withoutIds(framework));
    }
  });

  it('writes pretty JSON in the envelope', () => {
    const text = frameworkFileText(frameworkFromBuiltIn(builtInFrameworks[0]!));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "format": "${frameworkFileFormat}",`);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'framework']);
    expect(parsed['format']).toBe('reflective-portfolio-framework');
    expect(parsed['version']).toBe(1);
    expect(parsed['framework']).toMatchObject({ id: 'nmc-code-themes', builtIn: { id: 'nmc-code-themes', version: 1 } });
  });

  it('refuses a file made by a newer version of the app', () => {
    const newer = JSON.stringify({ format: frameworkFileFormat, version: 2, framework: { title: 'Mine', outcomes: [], somethingNew: true } });
    expect(problemsOf(importFrameworkJson(newer, counter()))).toEqual([
      'The file was made by a newer version of Reflective Portfolio (framework format 2; this version reads format 1). Update the app to import it.',
    ]);
  });

  const badFiles: [name: string, text: string, problems: string[]][] = [
    ['text that is not JSON', 'unit_title,outcome_code\nMy unit,LO1', ['The file is not JSON.']],
    ['JSON cut short', '{"title": "Mine", "outcomes": [', ['The file is not JSON.']],
    ['an empty file', '  \n', ['The file is empty.']],
    ['a list instead of a framework', '[]', ['The file does not hold a framework (it should be an object with a title and a list of outcomes).']],
    ['a string instead of a framework', '"framework"', ['The file does not hold a framework (it should be an object with a title and a list of outcomes).']],
    ['another program’s file', JSON.stringify({ format: 'something-else', version: 1, framework: {} }), ['The file is not a Reflective Portfolio framework file.']],
    ['an envelope without a version', JSON.stringify({ format: frameworkFileFormat, framework: {} }), ['The file does not say which version of the framework format it uses.']],
    ['an envelope without a framework', JSON.stringify({ format: frameworkFileFormat, version: 1 }), ['The file has no framework in it.']],
    ['a framework with nothing in it', '{}', ['Title is missing.', 'Outcomes is missing.']],
    [
      'fields of the wrong type',
      JSON.stringify({ title: 5, number: true, outcomes: [{ code: 'LO1', title: 'A', archived: 'yes', criteria: {} }, 'LO2'] }),
      ['Title should be text.', 'Unit number should be text.', 'Outcome 1: archived should be true or false.', 'Outcome 1: criteria should be a list.', 'Outcome 2 should be an object with a code and a title.'],
    ],
    ['outcomes that are not a list', JSON.stringify({ title: 'Mine', outcomes: 'LO1, LO2' }), ['Outcomes should be a list.']],
    [
      'missing and empty fields',
      JSON.stringify({
        title: ' ',
        outcomes: [{ code: 'LO1', title: 'A' }, { title: 'B' }, { code: 'LO3', title: 'C', criteria: [{ code: 'P1', text: 'x' }, { text: 'y' }, { code: 'P3', text: null }, 7] }],
      }),
      ['Title is empty.', 'Outcome 2: code is missing.', 'Outcome 3, criterion 2: code is missing.', 'Outcome 3, criterion 3: text is missing.', 'Outcome 3, criterion 4 should be an object with a code and a text.'],
    ],
    [
      'fields over the limits',
      JSON.stringify({ title: 'Mine', number: '1'.repeat(41), outcomes: [{ code: 'LO1', title: 'x'.repeat(2_001), criteria: [{ code: 'P'.repeat(41), text: 'y' }] }] }),
      ['Unit number is too long (at most 40 characters).', 'Outcome 1: title is too long (at most 2,000 characters).', 'Outcome 1, criterion 1: code is too long (at most 40 characters).'],
    ],
    [
      'too many outcomes',
      JSON.stringify({ title: 'Mine', outcomes: Array.from({ length: 501 }, (_, index) => ({ code: `X${index}`, title: 'B' })) }),
      ['There are too many outcomes (at most 500).'],
    ],
    [
      'too many criteria',
      JSON.stringify({ title: 'Mine', outcomes: [{ code: 'LO1', title: 'A', criteria: Array.from({ length: 201 }, (_, index) => ({ code: `P${index}`, text: 'x' })) }] }),
      ['Outcome 1: there are too many criteria (at most 200).'],
    ],
    ['a file over 2 MB', JSON.stringify({ title: 'Mine', outcomes: [], padding: 'x'.repeat(2 * 1024 * 1024) }), ['The file is too large to be a framework file (it is over 2 MB).']],
  ];

  it.each(badFiles)('refuses %s, saying what is wrong in words', (_name, text, problems) => {
    expect(problemsOf(importFrameworkJson(text, counter()))).toEqual(problems);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const outcomes = Array.from({ length: 30 }, () => ({ title: 'No code' }));
    const problems = problemsOf(importFrameworkJson(JSON.stringify({ title: 'Mine', outcomes }), counter()));
    expect(problems).toHaveLength(21);
    expect(problems[19]).toBe('Outcome 20: code is missing.');
    expect(problems[20]).toBe('…and 10 more problems.');
  });

  it('keeps hostile text as plain text and lets no key reach an object prototype', () => {
    const text = `{
      "__proto__": { "polluted": true },
      "constructor": { "prototype": { "polluted": true } },
      "title": "<script>alert('x')</script>",
      "outcomes": [{ "code": "<b>", "title": "\${7*7} {{7*7}} =1+1", "criteria": [{ "code": "P1", "text": "<img src=x onerror=alert(1)>", "__proto__": { "archived": true } }] }]
    }`;
    const { framework } = imported(importFrameworkJson(text, counter()));
    expect(framework.title).toBe("<script>alert('x')</script>");
    expect(framework.outcomes[0]).toMatchObject({ code: '<b>', title: '${7*7} {{7*7}} =1+1' });
    expect(framework.outcomes[0]?.criteria[0]).toEqual({ id: 'new-3', code: 'P1', text: '<img src=x onerror=alert(1)>', archived: false });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(framework)).toBe(Object.prototype);
  });

  it('reads a file with a byte order mark', () => {
    expect(imported(importFrameworkJson(`\uFEFF${fixture('unit26-bare.json')}`, counter())).framework.outcomes).toHaveLength(2);
  });

  it('never throws, even when making ids fails', () => {
    const failing = () => {
      throw new Error('no ids today');
    };
    expect(problemsOf(importFrameworkJson(fixture('unit26-bare.json'), failing))).toEqual(['The file could not be read as a framework (something unexpected went wrong).']);
    expect(problemsOf(importFrameworkCsv(fixture('unit26.csv'), failing))).toEqual(['The file could not be read as a framework (something unexpected went wrong).']);
    const badIds = problemsOf(importFrameworkJson(fixture('unit26-bare.json'), () => 'not/an id'));
    expect(badIds.length).toBeGreaterThan(0);
    for (const text of ['null', 'true', '1e999', '{"title":{"toString":1},"outcomes":[[]]}', '{"outcomes":[{"criteria":[null]}]}', '\uFEFF', '\u0000{}']) {
      expect(() => importFrameworkJson(text, counter())).not.toThrow();
      expect(importFrameworkJson(text, counter()).ok).toBe(false);
    }
  });
});
