/*
 * PolicyKB site search. No dependencies, no inline script (CSP script-src 'self').
 *
 * Reads the browser index the build exports from Lucene (search/meta, term shards s/<n> with the best postings
 * first, further pages p/..., result cards c/..., facets a/..., d/..., dep/...; each file JSON compressed with raw
 * DEFLATE, named <name>.json.deflate, which the browser's DecompressionStream inflates), tokenises a
 * query as Lucene's analyzer does (CJK width folding, lower case, a run of CJK characters = the phrase of its
 * bigrams, a lone character = its unigram) and ranks with Lucene's BM25 in 32-bit floats, so the site and
 * `policykb search` agree. Postings are fetched page by page until the top hits are settled (the best a hit
 * not yet seen could score is below the k-th exact score), so a common term never loads its whole list.
 * The document-kind and goal-year filters read kind/<code> and year/<YYYY>, the items each lets through.
 */
(() => {
  'use strict';

  const scriptUrl = document.currentScript ? document.currentScript.src : new URL('assets/search.js', location.href).href;
  const ROOT = new URL('../', scriptUrl);
  const BASE = new URL('search/', ROOT);
  const f32 = Math.fround;
  const PAGE_SIZE = 10;
  const EAGER_FACETS = 5000;
  const stats = { bytes: 0, requests: 0 };
  window.policykbSearch = { stats, runs: [] };

  // ---------- fetching, with a byte count for the benchmark ----------
  const SUFFIX = '.json.deflate'; // org.policykb.index.DeflatedJson.SUFFIX
  const cache = new Map();
  /** The JSON of one file of the index, by its name without SUFFIX (meta, s/12, c/345 …), fetched once. */
  function load(name) {
    if (!cache.has(name)) {
      const started = performance.now();
      cache.set(name, fetch(new URL(name + SUFFIX, BASE)).then((r) => {
        if (!r.ok) throw new Error('search index file missing: ' + name + SUFFIX);
        return r.arrayBuffer();
      }).then((deflated) => {
        stats.bytes += deflated.byteLength;
        stats.requests += 1;
        stats.lastArrival = performance.now();
        stats.fetchMs = (stats.fetchMs || 0) + (stats.lastArrival - started);
        return new Response(new Response(deflated).body.pipeThrough(new DecompressionStream('deflate-raw'))).json();
      }));
    }
    return cache.get(name);
  }
  let metaPromise = null;
  const meta = () => (metaPromise = metaPromise || load('meta').then(prepare));

  // ---------- the analyzer, as org.policykb.index.PolicyAnalyzer does it for a query ----------
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  const LETTER = /[\p{L}\p{M}_]/u;
  const DIGIT = /\p{N}/u;
  const MID_LETTER = new Set([':', '\u00b7', '\u0387', '\u05f4', '\u2027', '\ufe13', '\ufe55']);
  const MID_NUM_LET = new Set(['.', '\'', '\u2018', '\u2019', '\u2024', '\ufe52']);
  const MID_NUM = new Set([',', ';', '\u037e', '\u0589', '\u060c', '\u060d', '\u066c', '\u07f8', '\u2044', '\ufe10', '\ufe14', '\ufe50', '\ufe54']);

  function fold(text) {
    let out = '';
    for (const ch of text) {
      const c = ch.codePointAt(0);
      out += c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
    }
    return out.toLowerCase();
  }
  const kind = (ch) => (ch === undefined ? 0 : CJK.test(ch) ? 3 : LETTER.test(ch) ? 1 : DIGIT.test(ch) ? 2 : 0);

  /** Query parts: {terms, text}; a CJK run of n > 1 characters gives n - 1 bigrams, matched as a phrase. */
  function parse(query) {
    const chars = Array.from(fold(query));
    const parts = [];
    let i = 0;
    while (i < chars.length) {
      const k = kind(chars[i]);
      if (k === 3) {
        let j = i;
        while (j < chars.length && kind(chars[j]) === 3) j++;
        const run = chars.slice(i, j);
        const terms = run.length === 1 ? [run[0]] : run.slice(1).map((c, n) => run[n] + c);
        parts.push({ terms, text: run.join(''), cjk: true });
        i = j;
      } else if (k === 1 || k === 2) {
        let j = i + 1;
        for (;;) {
          const next = kind(chars[j]);
          if (next === 1 || next === 2) { j++; continue; }
          const prev = kind(chars[j - 1]);
          const after = kind(chars[j + 1]);
          const c = chars[j];
          const letters = prev === 1 && after === 1 && (MID_LETTER.has(c) || MID_NUM_LET.has(c));
          const digits = prev === 2 && after === 2 && (MID_NUM.has(c) || MID_NUM_LET.has(c));
          if (c !== undefined && (letters || digits)) { j += 2; continue; }
          break;
        }
        const word = chars.slice(i, j).join('');
        parts.push({ terms: [word], text: word, cjk: false });
        i = j;
      } else {
        i++;
      }
    }
    return parts;
  }

  // ---------- Lucene's BM25 in 32-bit floats ----------
  function byte4ToInt(b) {
    if (b < 24) return b;
    const i = b - 24;
    const bits = i & 7;
    const shift = (i >>> 3) - 1;
    return 24 + (shift === -1 ? bits : (bits | 8) * 2 ** shift);
  }
  function prepare(m) {
    m.norm = {};
    const k1 = f32(m.k1);
    const b = f32(m.b);
    for (const key of Object.keys(m.fields)) {
      const avgdl = f32(m.fields[key].avgdl);
      const inverse = new Float32Array(256);
      for (let i = 0; i < 256; i++) {
        inverse[i] = f32(1 / f32(k1 * f32(f32(1 - b) + f32(f32(b * byte4ToInt(i)) / avgdl))));
      }
      m.norm[key] = inverse;
    }
    m.typeOf = (item) => m.types.find((t) => item >= t[1] && item < t[2]) || ['?'];
    if (m.classes) {
      // classes are ordered by norm: the first class of each norm, and each class's norm
      const C = m.classes;
      C.firstOfNorm = new Int32Array(256);
      C.normOf = new Uint8Array(C.count);
      for (let r = 0, cls = 0; r < C.norms.length; r += 2) {
        C.firstOfNorm[C.norms[r]] = cls;
        C.normOf.fill(C.norms[r], cls, cls + C.norms[r + 1]);
        cls += C.norms[r + 1];
      }
    }
    return m;
  }
  const bm25 = (weight, x) => f32(weight - f32(weight / f32(1 + x)));

  function shardOf(term, shards) {
    let h = 0x811c9dc5;
    for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
    return (h >>> 0) % shards;
  }

  // ---------- numbers as org.policykb.index.Varints writes them ----------
  const VARINT_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const VARINT_DIGIT = new Int8Array(128);
  for (let i = 0; i < VARINT_DIGITS.length; i++) VARINT_DIGIT[VARINT_DIGITS.charCodeAt(i)] = i;
  /** A reader of the numbers in a string: next() gives one, done() says the string is read. */
  function varints(text) {
    let at = 0;
    return {
      done: () => at >= text.length,
      next: () => {
        let value = 0;
        let scale = 1;
        for (;;) {
          const digit = VARINT_DIGIT[text.charCodeAt(at++)];
          value += (digit & 31) * scale;
          if (digit < 32) return value;
          scale *= 32;
        }
      },
    };
  }
  /** Ascending numbers written as differences (Varints.ascending). */
  function ascending(text) {
    const out = [];
    const digits = varints(text);
    let value = 0;
    while (!digits.done()) {
      value += digits.next();
      out.push(value);
    }
    return out;
  }
  const decoded = new Map();
  /** A file of ascending numbers, read once. */
  function loadAscending(path) {
    if (!decoded.has(path)) decoded.set(path, load(path).then(ascending));
    return decoded.get(path);
  }
  /** A department's lead and support lists, read once. */
  function loadDepartment(dept) {
    const path = `dep/${dept}`;
    if (!decoded.has(path)) decoded.set(path, load(path).then((d) => ({ l: ascending(d.l), s: ascending(d.s) })));
    return decoded.get(path);
  }

  /**
   * One term's postings in one field; pages are fetched on demand, best first. A term that is not common gives each
   * item's class too (offset among its norm's): in further pages beside each posting, for the first in sc/<shard>.
   */
  class Postings {
    constructor(m, field, term, entry) {
      [this.df, this.idf, this.count, this.pages, this.key] = entry;
      this.idf = f32(this.idf); // written as Java's Float.toString: the nearest double is not the float
      this.term = term;
      this.field = field;
      this.shard = shardOf(term, m.shards);
      this.inverse = m.norm[field];
      this.firstOfNorm = m.classes && this.df < m.classes.minDf ? m.classes.firstOfNorm : null;
      this.byItem = new Map();
      this.loaded = 0;
      this.lastKey = Infinity;
      this.first = [];
      this.add(entry[5], false);
    }
    get exhausted() { return this.loaded >= this.pages; }
    /** One page as BrowserPostings.page writes it: runs of one norm and freq, items as differences (and classes). */
    add(page, offsets) {
      const digits = varints(page);
      while (!digits.done()) {
        const norm = digits.next();
        const tf = digits.next();
        const key = f32(tf * this.inverse[norm]);
        let item = 0;
        for (let n = digits.next(); n > 0; n--) {
          item += digits.next();
          const cls = offsets ? this.firstOfNorm[norm] + digits.next() : -1;
          this.byItem.set(item, { norm, tf, key, cls });
          if (this.loaded === 0) this.first.push(item);
        }
        this.lastKey = key;
        this.lastItem = item;
      }
      this.loaded += 1;
    }
    async more() {
      if (this.exhausted) return;
      this.add(await load(`p/${this.shard}/${this.key}-${this.loaded}`), this.firstOfNorm !== null);
    }
    /** The classes of the first page's items, from sc/<shard>. */
    async firstClasses() {
      if (this.firstOfNorm === null || this.first.length === 0) return;
      const digits = varints((await load(`sc/${this.shard}`))[this.field][this.term]);
      for (const item of this.first) {
        const p = this.byItem.get(item);
        p.cls = this.firstOfNorm[p.norm] + digits.next();
      }
      this.first = [];
    }
  }

  async function postings(m, field, term) {
    const shard = await load(`s/${shardOf(term, m.shards)}`);
    const entry = shard[field][term];
    return entry ? new Postings(m, field, term, entry) : null;
  }

  /**
   * A query part: its BM25 weight (the idf of all its terms, summed as Lucene sums them) and its driver, the
   * rarest of its terms' lists. A hit of the part is in the driver; its exact frequency is the driver's (a
   * single term) or is counted on the hit's card (a phrase: the run of characters as written, which is what
   * consecutive bigrams at consecutive positions amount to).
   */
  function clause(m, part, lists) {
    if (lists.some((l) => l === null)) return null;
    let idf = 0;
    for (const l of lists) idf += l.idf;
    const driver = lists.reduce((a, b) => (b.df < a.df ? b : a));
    return {
      driver, lists, phrase: lists.length > 1, cjk: part.cjk, text: part.text, weight: f32(idf), inverse: m.norm.x,
    };
  }

  function count(text, run) {
    let n = 0;
    for (let at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + 1)) n++;
    return n;
  }

  /** [exact score or upper bound, exact?] of one clause for one item, given its card if fetched and its class. */
  function judge(c, item, card, cls) {
    if (c === null) return [0, true];
    if (c.classed) {
      const tf = c.freqs[cls];
      if (tf === 0) return [0, true];
      if (!c.phrase) return [bm25(c.weight, f32(tf * c.inverse[c.normOf[cls]])), true];
      if (card) {
        const freq = count(card.text, c.text);
        return freq === 0 ? [0, true] : [bm25(c.weight, f32(freq * c.inverse[card.norm])), true];
      }
      return [bm25(c.weight, f32(tf * c.inverse[c.normOf[cls]])), false];
    }
    const p = c.driver.byItem.get(item);
    if (p && !c.phrase) return [bm25(c.weight, p.key), true];
    if (card && c.cjk) {
      const freq = count(card.text, c.text);
      return freq === 0 ? [0, true] : [bm25(c.weight, f32(freq * c.inverse[card.norm])), true];
    }
    if (!p && c.driver.exhausted) return [0, true];
    return [bm25(c.weight, p ? p.key : c.driver.lastKey), false];
  }

  /** The best any item not seen in any driver yet could score. */
  function unseenBound(parts) {
    let total = 0;
    for (const part of parts) {
      let sum = 0;
      for (const c of part) {
        if (c !== null && c.classed) sum += c.max;
        else if (c !== null && !c.driver.exhausted) sum += bm25(c.weight, c.driver.lastKey);
      }
      if (sum === 0) return 0;
      total += f32(sum);
    }
    return f32(total);
  }

  /** Cards fetched so far, with the folded texts a phrase is counted on. */
  const cardCache = new Map();
  async function fetchCards(m, items) {
    const missing = items.filter((i) => !cardCache.has(i));
    await Promise.all(missing.map((i) => load(`c/${Math.floor(i / m.cardBlock)}`).then((block) => {
      const c = block[i % m.cardBlock];
      const title = c.length > 5 ? c[5] : c[0];
      // the searched text as org.policykb.index.ItemDocument.text builds it
      cardCache.set(i, { raw: c, text: fold(title.trim() === '' ? c[3] : title + '\n' + c[3]), norm: c[4] });
    })));
  }

  // ---------- filters and facets ----------
  async function attrsOf(m, items) {
    const blocks = new Set(items.map((i) => Math.floor(i / m.attrBlock)));
    const loaded = await Promise.all([...blocks].map((b) => load(`a/${b}`).then((a) => [b, a])));
    const byBlock = new Map(loaded);
    return (item) => byBlock.get(Math.floor(item / m.attrBlock))[item % m.attrBlock];
  }

  /** The index of the [start, end) range of flat ascending ranges that holds item, or -1. */
  function rangeOf(ranges, item) {
    let lo = 0;
    let hi = ranges.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranges[2 * mid] <= item) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && item < ranges[2 * lo - 1] ? lo - 1 : -1;
  }

  /** Each item's document kind and goal years, from every kind/ and year/ file: only to count the facets. */
  let kindsAndYearsPromise = null;
  function kindsAndYears(m) {
    kindsAndYearsPromise = kindsAndYearsPromise || Promise.all([
      Promise.all(m.kinds.map((k) => loadAscending(`kind/${k}`))),
      Promise.all(m.years.map((y) => loadAscending(`year/${y}`))),
    ]).then(([kinds, years]) => {
      const runs = [];
      kinds.forEach((ranges, k) => { for (let i = 0; i < ranges.length; i += 2) runs.push([ranges[i], ranges[i + 1], k]); });
      runs.sort((a, b) => a[0] - b[0]);
      const ranges = runs.flatMap((r) => [r[0], r[1]]);
      const yearsOf = new Map();
      years.forEach((items, y) => {
        for (const item of items) {
          if (!yearsOf.has(item)) yearsOf.set(item, []);
          yearsOf.get(item).push(String(m.years[y]));
        }
      });
      return {
        kindOf: (item) => { const r = rangeOf(ranges, item); return r < 0 ? '' : m.kinds[runs[r][2]]; },
        yearsOf: (item) => yearsOf.get(item) || [],
      };
    });
    return kindsAndYearsPromise;
  }

  /** The items a kind or year filter lets through, ascending; [] for a kind or year the index does not have. */
  async function kindItems(m, kind) {
    return m.kinds.includes(kind) ? loadAscending(`kind/${kind}`) : [];
  }
  async function yearItems(m, year) {
    return m.years.some((y) => String(y) === year) ? loadAscending(`year/${year}`) : [];
  }

  async function filterFor(m, filters) {
    const tests = [];
    if (filters.kind) {
      const ranges = await kindItems(m, filters.kind);
      tests.push((item) => rangeOf(ranges, item) >= 0);
    }
    if (filters.year) {
      const set = new Set(await yearItems(m, filters.year));
      tests.push((item) => set.has(item));
    }
    if (filters.type) {
      const range = m.types.find((t) => t[0] === filters.type);
      tests.push((item) => item >= range[1] && item < range[2]);
    }
    if (filters.dept !== '') {
      const lists = await loadDepartment(filters.dept);
      const set = new Set(filters.role === 'lead' ? lists.l : filters.role === 'support' ? lists.s : lists.l.concat(lists.s));
      tests.push((item) => set.has(item));
    }
    return { pass: (item) => tests.every((t) => t(item)), doc: filters.doc };
  }

  // ---------- the search ----------
  const CARD_BATCH = 10;
  const NONE = Object.freeze([]);
  async function search(query, filters, k, pagesOnly) {
    const m = await meta();
    const parts = parse(query);
    const filter = await filterFor(m, filters);
    if (parts.length === 0) return listing(m, filters, filter, k);
    const clauses = await Promise.all(parts.map(async (part) =>
      [clause(m, part, await Promise.all(part.terms.map((t) => postings(m, 'x', t))))]));
    if (clauses.some((part) => part.every((c) => c === null))) return result(m, parts, [], [], true, filters);
    if (!pagesOnly && byClassFits(m, parts, clauses, filters)) return byClass(m, parts, clauses, k, filters, filter);
    if (!pagesOnly) await classify(m, clauses);
    const drivers = [...new Set(clauses.flat().filter((c) => c && !c.classed).map((c) => c.driver))];
    for (;;) {
      const seen = new Set();
      for (const d of drivers) for (const item of d.byItem.keys()) seen.add(item);
      const exact = [];
      const open = [];
      let unsettled = 0; // candidates not yet known to match, with or without the filters: the counts may miss them
      for (const item of seen) {
        const card = cardCache.get(item);
        let cls = -1;
        for (let d = 0; cls < 0 && d < drivers.length; d++) {
          const p = drivers[d].byItem.get(item);
          if (p) cls = p.cls;
        }
        let total = 0;
        let settled = true;
        let matches = true;
        let cardHelps = !card;
        let lacking = NONE; // drivers whose next pages could settle the item: they have not listed it yet
        for (const part of clauses) {
          let sum = 0;
          let partSettled = true;
          for (const c of part) {
            const [score, isExact] = judge(c, item, card, cls);
            sum += score;
            if (!isExact) {
              partSettled = false;
              if (!c.cjk) cardHelps = false;
              if (!c.classed && !c.driver.byItem.has(item) && !lacking.includes(c.driver)) lacking = lacking.concat(c.driver);
            }
          }
          if (partSettled && sum === 0) { matches = false; break; }
          settled = settled && partSettled;
          total += f32(sum);
        }
        if (!matches) continue;
        if (settled) exact.push([item, f32(total)]);
        else {
          unsettled++;
          if (filter.pass(item)) open.push([item, f32(total), cardHelps, lacking]);
        }
      }
      exact.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      let ranked = exact.filter((e) => filter.pass(e[0]));
      if (filter.doc !== '') {
        const attrs = await attrsOf(m, ranked.map((e) => e[0]));
        ranked = ranked.filter((e) => String(attrs(e[0])[0]) === filter.doc);
      }
      const unseen = unseenBound(clauses);
      const kth = ranked.length >= k ? ranked[k - 1][1] : -1;
      const kthItem = ranked.length >= k ? ranked[k - 1][0] : Infinity;
      open.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      // equal scores rank by item number, so an item tied with the k-th can only pass it with a lower number;
      // a driver lists equal keys by item number, so an item not seen yet comes after its last one
      const contenders = open.filter((o) => o[1] > kth || (o[1] === kth && o[0] < kthItem));
      const unfinished = drivers.filter((d) => !d.exhausted);
      const unseenBeaten = unseen < kth || (unseen === kth && unfinished.every((d) => d.lastItem > kthItem));
      const complete = unfinished.length === 0 && unsettled === 0;
      if (unseenBeaten && contenders.length === 0) return result(m, parts, exact, ranked, complete, filters);
      if (contenders.length === 0 && unfinished.length === 0) return result(m, parts, exact, ranked, complete, filters);
      // Phrases in the driver are checked on their cards first (the cards are shown anyway); then more of
      // the drivers while unseen items could still win; a few items missing from a driver are settled by
      // their cards, many by the drivers' next pages.
      const top = (list) => list.slice(0, CARD_BATCH).map((o) => o[0]);
      const verify = contenders.filter((o) => o[2] && o[3].length === 0);
      const byCard = contenders.filter((o) => o[2]);
      if (verify.length > 0) await fetchCards(m, top(verify));
      else if (unfinished.length > 0 && !unseenBeaten) await nextPages(clauses, contenders, unfinished);
      else if (byCard.length > 0 && (byCard.length <= 2 * CARD_BATCH || unfinished.length === 0)) await fetchCards(m, top(byCard));
      else if (unfinished.length > 0) await nextPages(clauses, contenders, unfinished);
      else await fetchCards(m, top(contenders));
    }
  }

  /**
   * The next page of only the drivers that can settle the most: those the best contender is missing from, or,
   * with no contender left, the one whose last key still lets unseen items score the most. Two common terms
   * differ in how deep their lists must be read (the one the best items lack, the other hardly), so reading
   * every list in step would fetch pages that settle nothing.
   */
  function nextPages(clauses, contenders, unfinished) {
    const best = contenders.find((o) => o[3].length > 0);
    if (best) return Promise.all(best[3].map((d) => d.more()));
    const reach = (d) => {
      let sum = 0;
      for (const part of clauses) for (const c of part) if (c !== null && !c.classed && c.driver === d) sum += bm25(c.weight, d.lastKey);
      return sum;
    };
    return unfinished.reduce((a, b) => (reach(b) > reach(a) ? b : a)).more();
  }

  // ---------- common terms, class by class (org.policykb.index.BrowserClasses) ----------
  /** A list kept in order, its first last (before(a, b): a goes first): the merge of the classes' items. */
  function queue(before) {
    const a = [];
    return {
      size: () => a.length,
      peek: () => a[a.length - 1],
      pop: () => a.pop(),
      push: (x) => {
        let lo = 0;
        let hi = a.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (before(x, a[mid])) lo = mid + 1;
          else hi = mid;
        }
        a.splice(lo, 0, x);
      },
    };
  }

  /**
   * A query of several parts whose terms are all common is scored on the classes of items (same norm, same frequency
   * of every common term, so the same score): one small list per term instead of the deep pages of every term that a
   * template-heavy site's best items need. A document filter needs every hit's attributes, so it takes the pages.
   */
  function byClassFits(m, parts, clauses, filters) {
    if (!m.classes || parts.length < 2 || filters.doc) return false;
    // a phrase's class bound is only its rarest bigram's count, so its hits are checked on their cards; with two
    // phrases (义务教育 优质均衡) the bound is loose twice and the cards cost more than the pages
    if (clauses.filter((part) => part[0].phrase).length > 1) return false;
    return clauses.every((part) => part.every((c) => c.lists.every((l) => l.df >= m.classes.minDf)));
  }

  /**
   * With a term that is not common, the clauses of common terms are scored on their class lists (a phrase bounded by
   * its rarest bigram's) for the items the other terms' postings give with their classes; they add to an item not
   * seen yet at most their best class's score, and their pages are never read.
   */
  async function classify(m, clauses) {
    if (!m.classes) return;
    const common = (c) => c !== null && c.lists.every((l) => l.df >= m.classes.minDf);
    const all = clauses.flat();
    if (all.every(common) || !all.some(common)) return;
    await Promise.all(all.filter((c) => !common(c)).map((c) => c.driver.firstClasses()));
    await Promise.all(all.filter(common).map(async (c) => {
      c.freqs = await classList(c.driver);
      c.normOf = m.classes.normOf;
      c.classed = true;
      let max = 0;
      for (let cls = 0; cls < m.classes.count; cls++) {
        const tf = c.freqs[cls];
        if (tf > 0) max = Math.max(max, bm25(c.weight, f32(tf * c.inverse[c.normOf[cls]])));
      }
      c.max = max;
    }));
  }

  /** Marks the classes holding an item of each filter (kc/), or null with no filter: the rest are passed over. */
  async function filterClasses(m, filters) {
    const names = [];
    if (filters.type) names.push([`kc/t/${filters.type}`]);
    if (filters.kind) names.push(m.kinds.includes(filters.kind) ? [`kc/k/${filters.kind}`] : []);
    if (filters.year) names.push(m.years.some((y) => String(y) === filters.year) ? [`kc/y/${filters.year}`] : []);
    if (filters.dept !== '') names.push([`kc/d/${filters.dept}`]);
    if (names.length === 0) return null;
    const sets = await Promise.all(names.map((union) => Promise.all(union.map(loadAscending))));
    const marks = new Uint8Array(m.classes.count); // how many filters, in order, hold the class
    sets.forEach((union, j) => union.forEach((list) => list.forEach((c) => { if (marks[c] === j) marks[c] = j + 1; })));
    return marks.map((n) => (n === sets.length ? 1 : 0));
  }

  /** 1 + a class's first item from type t on less t's first item, where the class has one before too (k/t), or 0. */
  function firstFrom(m, t, cls) {
    const C = m.classes;
    const path = `k/t/${t}/${Math.floor(cls / C.block)}`;
    if (!decoded.has(path)) {
      decoded.set(path, load(path).then((text) => {
        const digits = varints(text);
        const out = [];
        while (!digits.done()) out.push(digits.next());
        return out;
      }));
    }
    return decoded.get(path).then((firsts) => firsts[cls % C.block]);
  }

  /** A term's frequency in every class, in class order. */
  function classList(l) {
    const path = `k/${l.shard}/${l.key}`;
    if (!decoded.has(path)) {
      decoded.set(path, load(path).then((text) => {
        const out = new Int32Array(text.length);
        const digits = varints(text);
        let n = 0;
        while (!digits.done()) out[n++] = digits.next();
        return out.subarray(0, n);
      }));
    }
    return decoded.get(path);
  }

  /** The items of class c, ascending: the first ones from its block, all of them (when more are wanted) from k/m. */
  async function classItems(m, c, wanted) {
    const C = m.classes;
    const path = `k/i/${Math.floor(c / C.block)}`;
    if (!decoded.has(path)) {
      decoded.set(path, load(path).then((text) => {
        const digits = varints(text);
        const classes = [];
        while (!digits.done()) {
          const size = digits.next();
          const items = [];
          let item = 0;
          for (let i = Math.min(size, C.inline); i > 0; i--) items.push(item += digits.next());
          classes.push({ size, items });
        }
        return classes;
      }));
    }
    const entry = (await decoded.get(path))[c % C.block];
    if (wanted <= entry.items.length || entry.size === entry.items.length) return entry;
    return { size: entry.size, items: await loadAscending(`k/m/${c}`) };
  }

  /**
   * Every class's score or, with a phrase, its bound (the phrase's rarest bigram's count), summed as Lucene sums; then
   * the classes' items merged best first, equal scores by item number. A phrase's item is checked on its card when it
   * comes first and goes back at its exact score; a filter's classes and items are the only ones taken.
   */
  async function byClass(m, parts, clauses, wanted, filters, filter) {
    const C = m.classes;
    const terms = clauses.map((part) => part[0]);
    // a small site counts its facets at once: settle as many hits as they count, not only the first page, where
    // that costs no cards (a phrase's hits are checked on theirs)
    const eager = m.items <= EAGER_FACETS && terms.every((c) => !c.phrase);
    const k = eager ? Math.max(wanted, FACET_LIMIT) : wanted;
    const [freqs, allowed] = await Promise.all([
      Promise.all(terms.map((c) => classList(c.driver))), filterClasses(m, filters)]);
    const scored = [];
    for (let r = 0, cls = 0; r < C.norms.length; r += 2) {
      const inverse = m.norm.x[C.norms[r]];
      for (const end = cls + C.norms[r + 1]; cls < end; cls++) {
        if (allowed && !allowed[cls]) continue;
        let total = 0;
        let exact = true;
        for (let p = 0; p < terms.length && total >= 0; p++) {
          const tf = freqs[p][cls]; // a phrase is at most as frequent as its rarest bigram
          if (terms[p].phrase) exact = false;
          total = tf === 0 ? -1 : total + bm25(terms[p].weight, f32(tf * inverse));
        }
        if (total >= 0) scored.push({ cls, run: r, key: f32(total), exact });
      }
    }
    scored.sort((a, b) => b.key - a.key || a.cls - b.cls);
    const heap = queue((a, b) => a.key > b.key || (a.key === b.key && a.item < b.item));
    const ranked = [];
    // Classes of one score and norm are numbered by first item: such a run enters one class at a time, the next when
    // the one before reaches its first item. A filter of items of one type on (a type, a department, a year) takes
    // the classes with items before that type at their first item from it (k/t): tied sections are not all read.
    const from = Math.max(filters.type ? m.types.findIndex((t) => t[0] === filters.type) : 0,
      filters.dept !== '' || filters.year ? m.types.findIndex((t) => t[0] === 'task') : 0);
    const enter = async (i) => {
      const s = scored[i];
      s.at = 0;
      s.entry = await classItems(m, s.cls, 1);
      s.item = s.entry.items[0];
      heap.push(s);
    };
    const enterRun = async (i, end) => {
      let run = [];
      for (let j = i; j < end; j++) run.push(j);
      if (from > 0) {
        const firsts = await Promise.all(run.map((j) => firstFrom(m, from, scored[j].cls)));
        run = run.filter((j, n) => {
          if (firsts[n] === 0) return true;
          Object.assign(scored[j], { item: m.types[from][1] + firsts[n] - 1, entry: null });
          heap.push(scored[j]);
          return false;
        });
      }
      run.forEach((j, n) => { scored[j].next = run[n + 1]; });
      if (run.length > 0) await enter(run[0]);
    };
    const advance = async (s) => {
      if (s.entry === null) { // entered from k/t
        s.entry = await classItems(m, s.cls, 1);
        if (!s.entry.items.includes(s.item)) s.entry = await classItems(m, s.cls, Infinity);
        s.at = s.entry.items.indexOf(s.item);
      }
      if (++s.at >= s.entry.items.length) {
        if (s.entry.size === s.entry.items.length) return;
        s.entry = await classItems(m, s.cls, Infinity);
      }
      s.item = s.entry.items[s.at];
      heap.push(s);
    };
    const take = async (s) => { // a class's next item; the next class of its run enters at its first
      const next = s.next;
      s.next = undefined;
      if (next !== undefined) await enter(next);
      const item = s.item;
      await advance(s);
      return item;
    };
    let started = 0; // classes before this one have entered, or will as their run's predecessor does
    for (;;) {
      // every class that could come before the top is in: the next runs' first classes, if they score as much
      const runs = [];
      while (started < scored.length && (heap.size() === 0 || scored[started].key >= heap.peek().key)
          && (runs.length === 0 || scored[started].key === scored[runs[0][0]].key)) {
        const run = [started, started + 1];
        while (run[1] < scored.length && scored[run[1]].key === scored[started].key && scored[run[1]].run === scored[started].run) run[1]++;
        runs.push(run);
        started = run[1];
      }
      await Promise.all(runs.map((run) => enterRun(run[0], run[1])));
      if (heap.size() === 0 || ranked.length >= k) break;
      const top = heap.pop();
      if (top.cls === undefined) { // a phrase's item, checked
        ranked.push([top.item, top.key]);
        continue;
      }
      const item = await take(top);
      if (!filter.pass(item)) continue;
      if (top.exact) {
        ranked.push([item, top.key]);
        continue;
      }
      // a phrase's bound comes first: check it, and the next ones up to as many as are missing, on their cards
      const batch = [[item, top.cls]];
      while (batch.length < Math.min(CARD_BATCH, k - ranked.length) && heap.size() > 0 && heap.peek().cls !== undefined
          && !heap.peek().exact) {
        const next = heap.pop();
        const more = await take(next);
        if (filter.pass(more)) batch.push([more, next.cls]);
      }
      await fetchCards(m, batch.map((b) => b[0]));
      for (const [checked, cls] of batch) {
        const card = cardCache.get(checked);
        let total = 0;
        for (let p = 0; p < terms.length && total >= 0; p++) {
          const c = terms[p];
          const freq = c.phrase ? count(card.text, c.text) : freqs[p][cls];
          total = freq === 0 ? -1 : total + bm25(c.weight, f32(freq * c.inverse[card.norm]));
        }
        if (total >= 0) heap.push({ item: checked, key: f32(total) });
      }
    }
    const complete = heap.size() === 0 && started >= scored.length;
    return result(m, parts, ranked, ranked, complete, filters);
  }

  async function listing(m, filters, filter, k) {
    let items = [];
    if (filters.dept !== '') {
      const lists = await loadDepartment(filters.dept);
      const all = filters.role === 'lead' ? lists.l : filters.role === 'support' ? lists.s : lists.l.concat(lists.s);
      items = [...new Set(all)].sort((a, b) => a - b);
    } else if (filters.year) {
      items = await yearItems(m, filters.year);
    } else if (filters.kind) {
      const ranges = await kindItems(m, filters.kind);
      for (let r = 0; r < ranges.length; r += 2) for (let i = ranges[r]; i < ranges[r + 1]; i++) items.push(i);
    } else if (filters.type) {
      const range = m.types.find((t) => t[0] === filters.type);
      for (let i = range[1]; i < range[2]; i++) items.push(i);
    } else {
      return { parts: [], all: [], ranked: [], complete: true };
    }
    let ranked = items.filter(filter.pass).map((i) => [i, 1]);
    if (filter.doc !== '') {
      const attrs = await attrsOf(m, ranked.map((e) => e[0]));
      ranked = ranked.filter((e) => String(attrs(e[0])[0]) === filter.doc);
    }
    return result(m, [], items.map((i) => [i, 1]), ranked, true, filters);
  }

  function result(m, parts, all, ranked, complete, filters) {
    return { parts, all, ranked, complete, filters };
  }

  // ---------- facets: counts over the matches, each facet ignoring its own filter ----------
  // Type, kind and year counts come from the item ranges and the kind/ and year/ files; department and
  // document counts need the a/ blocks of the matches, so they cover at most FACET_LIMIT matches (marked "+"
  // when that is not all of them), and so do all counts once a department or document filter is set.
  const FACET_LIMIT = 300;
  async function facets(m, res) {
    const all = res.all.map((e) => e[0]);
    const some = all.slice(0, FACET_LIMIT);
    const [attrs, ky] = await Promise.all([attrsOf(m, some), kindsAndYears(m)]);
    const f = res.filters;
    const dept = Number(f.dept);
    const deptOk = (a, role) => f.dept === '' || (role !== 'support' && a[1] === dept) || (role !== 'lead' && a.slice(2).includes(dept));
    const typeOk = (item) => !f.type || m.typeOf(item)[0] === f.type;
    const docOk = (a) => f.doc === '' || String(a[0]) === f.doc;
    const kindOk = (item) => f.kind === '' || ky.kindOf(item) === f.kind;
    const yearOk = (item) => f.year === '' || ky.yearsOf(item).includes(f.year);
    const counts = { type: new Map(), dept: new Map(), doc: new Map(), role: new Map(), kind: new Map(), year: new Map() };
    const bump = (map, key) => map.set(key, (map.get(key) || 0) + 1);
    const simple = f.dept === '' && f.doc === '';
    for (const item of simple ? all : some) {
      if (!simple && !(deptOk(attrs(item), f.role) && docOk(attrs(item)))) continue;
      if (kindOk(item) && yearOk(item)) bump(counts.type, m.typeOf(item)[0]);
      if (typeOk(item) && yearOk(item)) bump(counts.kind, ky.kindOf(item));
      if (typeOk(item) && kindOk(item)) for (const y of ky.yearsOf(item)) bump(counts.year, y);
    }
    for (const item of some) {
      const a = attrs(item);
      if (!kindOk(item) || !yearOk(item)) continue;
      if (typeOk(item) && docOk(a)) {
        const ds = new Set(f.role === 'support' ? a.slice(2) : f.role === 'lead' ? [a[1]] : [a[1], ...a.slice(2)]);
        for (const d of ds) if (d >= 0) bump(counts.dept, d);
        if (f.dept !== '') {
          if (a[1] === dept) bump(counts.role, 'lead');
          if (a.slice(2).includes(dept)) bump(counts.role, 'support');
        }
      }
      if (typeOk(item) && deptOk(a, f.role)) bump(counts.doc, a[0]);
    }
    counts.exact = res.complete && all.length <= FACET_LIMIT;
    counts.typeExact = res.complete && (simple || counts.exact);
    return counts;
  }

  async function cards(m, items) {
    await fetchCards(m, items);
    return items.map((i) => cardCache.get(i).raw);
  }

  async function documentTitles(m, ords) {
    const blocks = [...new Set(ords.map((o) => Math.floor(o / m.docBlock)))];
    const loaded = new Map(await Promise.all(blocks.map((b) => load(`d/${b}`).then((d) => [b, d]))));
    return (ord) => loaded.get(Math.floor(ord / m.docBlock))[ord % m.docBlock];
  }

  // ---------- snippets: the same rule as org.policykb.index.Snippets ----------
  const BEFORE = 30;
  const isWord = (ch) => kind(ch) === 1 || kind(ch) === 2;
  const LENGTH = 140;
  function matches(text, parts) {
    const folded = fold(text);
    const out = [];
    for (const part of parts) {
      if (part.text === '') continue;
      let at = folded.indexOf(part.text);
      while (at >= 0) {
        const end = at + part.text.length;
        if (part.cjk || (!isWord(folded[at - 1]) && !isWord(folded[end]))) out.push([at, end]);
        at = folded.indexOf(part.text, at + 1);
      }
    }
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
  function marked(element, text, ranges) {
    let at = 0;
    for (const [s, e] of ranges) {
      const start = Math.max(s, at);
      if (start >= e) continue;
      element.append(text.slice(at, start));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(start, e);
      element.append(mark);
      at = e;
    }
    element.append(text.slice(at));
  }
  function snippet(element, text, parts) {
    const found = matches(text, parts);
    let start = found.length ? Math.max(0, found[0][0] - BEFORE) : 0;
    const end = Math.min(text.length, start + LENGTH);
    if (start > 0 && end - start < LENGTH) start = Math.max(0, end - LENGTH);
    const cut = text.slice(start, end).replace(/\n/g, ' ');
    const inside = found.map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start]).filter(([s, e]) => s < e);
    if (start > 0) element.append('…');
    marked(element, cut, inside);
    if (end < text.length) element.append('…');
  }

  // ---------- the page ----------
  const TYPE_NAMES = { document: '文件', section: '章节', task: '任务', goal: '目标' };
  const ROLE_NAMES = { lead: '牵头', support: '配合' };
  // as org.policykb.render.ChineseLabels.kind words them on the pages
  const KIND_NAMES = { plan: '规划·意见·方案', 'work-plan': '工作要点', report: '工作报告·发布会', news: '新闻报道' };
  const kindName = (code) => KIND_NAMES[code] || code;
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  async function renderHits(m, list, res, from, to) {
    const items = res.ranked.slice(from, to).map((e) => e[0]);
    const found = await cards(m, items);
    const render = performance.now();
    items.forEach((item, n) => {
      const [title, url, docTitle, text] = found[n];
      const type = m.typeOf(item)[0];
      const li = el('li', 'search-hit');
      li.dataset.url = url;
      li.dataset.type = type;
      const a = el('a', 'search-hit-title');
      a.href = new URL(url, ROOT).href;
      a.append(el('span', 'search-hit-type', TYPE_NAMES[type] || type), ' ');
      const t = el('span');
      marked(t, title, matches(title, res.parts));
      a.append(t);
      li.append(a);
      if (type !== 'document') li.append(el('div', 'search-hit-document', docTitle));
      const p = el('p', 'search-hit-snippet');
      snippet(p, text, res.parts);
      li.append(p);
      list.append(li);
    });
    return performance.now() - render;
  }

  function fillSelect(select, options, value, anyLabel) {
    select.replaceChildren(new Option(anyLabel, ''));
    for (const [v, label] of options) select.append(new Option(label, v));
    select.value = options.some(([v]) => v === value) ? value : '';
  }

  async function renderFacets(m, res, ui) {
    const counts = await facets(m, res);
    const plus = counts.exact ? '' : '+';
    const typePlus = counts.typeExact ? '' : '+';
    const f = res.filters;
    const types = m.types.filter((t) => counts.type.get(t[0]) || f.type === t[0])
      .map((t) => [t[0], `${TYPE_NAMES[t[0]]} (${counts.type.get(t[0]) || 0}${typePlus})`]);
    fillSelect(ui.type, types, f.type, '全部类型');
    const depts = [...m.departments.keys()].filter((d) => counts.dept.get(d) || String(d) === f.dept)
      .sort((a, b) => (counts.dept.get(b) || 0) - (counts.dept.get(a) || 0) || a - b)
      .map((d) => [String(d), `${m.departments[d][1]} (${counts.dept.get(d) || 0}${plus})`]);
    fillSelect(ui.dept, depts, f.dept, '全部部门');
    fillSelect(ui.role, ['lead', 'support'].map((r) => [r, f.dept === '' ? ROLE_NAMES[r] : `${ROLE_NAMES[r]} (${counts.role.get(r) || 0}${plus})`]), f.role, '全部角色');
    const docOrds = [...counts.doc.keys()].sort((a, b) => counts.doc.get(b) - counts.doc.get(a) || a - b).slice(0, 50);
    if (f.doc !== '' && !docOrds.includes(Number(f.doc))) docOrds.push(Number(f.doc));
    const titleOf = await documentTitles(m, docOrds);
    fillSelect(ui.doc, docOrds.map((o) => [String(o), `${titleOf(o)[1]} (${counts.doc.get(o) || 0}${plus})`]), f.doc, '全部文件');
    fillSelect(ui.kind, m.kinds.filter((k) => counts.kind.get(k) || f.kind === k)
      .map((k) => [k, `${kindName(k)} (${counts.kind.get(k) || 0}${typePlus})`]), f.kind, '全部类别');
    fillSelect(ui.year, m.years.map(String).filter((y) => counts.year.get(y) || f.year === y)
      .map((y) => [y, `${y}年 (${counts.year.get(y) || 0}${typePlus})`]), f.year, '全部年份');
  }

  function searchPage(ui) {
    let shown = 0;
    let current = null;
    let generation = 0;
    const state = () => ({
      q: ui.input.value.trim(), type: ui.type.value, dept: ui.dept.value, role: ui.role.value, doc: ui.doc.value,
      kind: ui.kind.value, year: ui.year.value,
    });
    async function run(more) {
      const s = state();
      const mine = ++generation;
      const m = await meta();
      const startBytes = stats.bytes;
      const startRequests = stats.requests;
      const started = performance.now();
      if (!more) {
        shown = 0;
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(s)) if (value) params.set(key, key === 'dept' ? m.departments[value][0] : value);
        history.replaceState(null, '', '?' + params.toString());
      }
      if (!s.q && !s.dept && !s.type && !s.kind && !s.year) {
        ui.results.replaceChildren();
        ui.status.textContent = '';
        ui.more.hidden = true;
        document.body.dataset.searchDone = '';
        return;
      }
      const res = more && current ? current : await search(s.q, s, PAGE_SIZE);
      if (mine !== generation) return;
      current = res;
      if (!more) ui.results.replaceChildren();
      const to = Math.min(res.ranked.length, shown + PAGE_SIZE);
      const renderMs = await renderHits(m, ui.results, res, shown, to);
      const dataAt = stats.lastArrival || started; // the last file (a card, usually) the hits needed
      shown = to;
      if (mine !== generation) return;
      ui.status.textContent = res.ranked.length === 0 ? '没有找到与查询相符的结果。'
        : `找到 ${res.ranked.length}${res.complete ? '' : '+'} 条结果`;
      ui.more.hidden = shown >= res.ranked.length && res.complete;
      const run = {
        query: s.q, filters: s, hits: res.ranked.length, bytes: stats.bytes - startBytes,
        requests: stats.requests - startRequests, totalMs: performance.now() - started,
        afterDataMs: performance.now() - Math.max(dataAt, started), renderMs,
      };
      window.policykbSearch.runs.push(run);
      // on a big site the facet counts (and their files) wait until the filters are opened or reached for
      if (m.items <= EAGER_FACETS || (ui.filters.open && filtersUsed)) {
        facetsLater = null;
        await renderFacets(m, res, ui);
      } else facetsLater = () => { if (current === res) renderFacets(m, res, ui); };
      if (mine === generation) document.body.dataset.searchDone = JSON.stringify([s.q, s.type, s.dept, s.role, s.doc, s.kind, s.year]);
    }
    let filtersUsed = false;
    let facetsLater = null;
    const reached = () => {
      filtersUsed = filtersUsed || ui.filters.open;
      const later = ui.filters.open ? facetsLater : null;
      if (later) {
        facetsLater = null;
        later();
      }
    };
    for (const type of ['toggle', 'pointerenter', 'focusin']) ui.filters.addEventListener(type, reached);
    let timer = 0;
    const soon = () => { clearTimeout(timer); timer = setTimeout(() => run(false), 120); };
    ui.input.addEventListener('input', soon);
    ui.form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); run(false); });
    for (const select of [ui.type, ui.dept, ui.role, ui.doc, ui.kind, ui.year]) select.addEventListener('change', () => run(false));
    ui.more.addEventListener('click', async () => {
      if (current && current.ranked.length < shown + PAGE_SIZE && !current.complete) {
        current = await search(ui.input.value.trim(), state(), shown + PAGE_SIZE);
      }
      run(true);
    });
    const params = new URLSearchParams(location.search);
    ui.input.value = params.get('q') || '';
    meta().then((m) => {
      if (m.items > EAGER_FACETS && !['dept', 'doc', 'kind', 'year'].some((p) => params.get(p))) ui.filters.open = false;
      const deptId = params.get('dept');
      const dept = m.departments.findIndex((d) => d[0] === deptId || d[1] === deptId || d[2].includes(deptId));
      fillSelect(ui.dept, m.departments.map((d, i) => [String(i), d[1]]), dept >= 0 ? String(dept) : '', '全部部门');
      fillSelect(ui.type, m.types.map((t) => [t[0], TYPE_NAMES[t[0]]]), params.get('type') || '', '全部类型');
      fillSelect(ui.role, Object.entries(ROLE_NAMES), params.get('role') || '', '全部角色');
      fillSelect(ui.kind, m.kinds.map((k) => [k, kindName(k)]), params.get('kind') || '', '全部类别');
      fillSelect(ui.year, m.years.map((y) => [String(y), `${y}年`]), params.get('year') || '', '全部年份');
      if (params.get('doc')) ui.doc.replaceChildren(new Option('', params.get('doc')));
      ui.doc.value = params.get('doc') || '';
      run(false);
    });
  }

  /** The box on every other page: the first hits as you type, Enter goes to the search page. */
  function searchBox(input) {
    const form = input.form;
    const popup = el('ol', 'search-popup');
    popup.hidden = true;
    input.insertAdjacentElement('afterend', popup);
    let timer = 0;
    let generation = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const mine = ++generation;
        const q = input.value.trim();
        if (!q) { popup.hidden = true; return; }
        const m = await meta();
        const res = await search(q, { type: '', dept: '', role: '', doc: '', kind: '', year: '' }, 8);
        if (mine !== generation) return;
        popup.replaceChildren();
        if (res.ranked.length === 0) popup.append(el('li', 'search-none', '没有找到'));
        else await renderHits(m, popup, res, 0, 8);
        popup.hidden = false;
      }, 120);
    });
    if (form) form.action = new URL('search.html', ROOT).href;
  }

  function start() {
    const results = document.getElementById('search-results');
    if (typeof DecompressionStream === 'undefined') {
      // the index files are compressed and an older browser cannot unpack them: say so instead of failing silently
      const status = document.getElementById('search-status');
      if (status) status.textContent = '此浏览器版本较旧，无法使用站内搜索，请升级浏览器后再试。';
      return;
    }
    if (results) {
      searchPage({
        form: document.getElementById('search-form'), input: document.getElementById('search-q'), results,
        status: document.getElementById('search-status'), more: document.getElementById('search-more'),
        type: document.getElementById('filter-type'), dept: document.getElementById('filter-department'),
        role: document.getElementById('filter-role'), doc: document.getElementById('filter-document'),
        kind: document.getElementById('filter-kind'), year: document.getElementById('filter-year'),
        filters: document.getElementById('search-filters'),
      });
    }
    // on the search page the page's own box does the work; elsewhere the header's box shows a few hits
    if (!results) for (const input of document.querySelectorAll('input[data-policykb-search]')) searchBox(input);
  }
  window.policykbSearch.parse = parse;
  /**
   * For tests and benchmarks: the top k hits as {url, type, score}; filters.dept may be an id or a name,
   * filters.kind a kind code (plan, work-plan …), filters.year a year; options.pages: rank from the pages even where
   * the classes would do, to compare the two.
   */
  window.policykbSearch.top = async (q, filters, k, options) => {
    const m = await meta();
    const f = Object.assign({ type: '', dept: '', role: '', doc: '', kind: '', year: '' }, filters || {});
    if (f.dept !== '') f.dept = String(m.departments.findIndex((d) => d[0] === f.dept || d[1] === f.dept || d[2].includes(f.dept)));
    f.year = String(f.year);
    const res = await search(q, f, k || 10, Boolean(options && options.pages));
    const top = res.ranked.slice(0, k || 10);
    const found = await cards(m, top.map((e) => e[0]));
    return top.map((e, n) => ({ url: found[n][1], type: m.typeOf(e[0])[0], score: e[1] }));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
