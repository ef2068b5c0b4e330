// What surrounds a number: the words before and after it on its line, and which line it is on.
// The guard's rules about context ("a card word nearby", "a label that names it an order number")
// are built from these.

export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The text of the same line within `width` characters before `pos`. Bounded by the slice first:
 *  on a text without line breaks, searching the whole line for each candidate would turn the scan
 *  quadratic. */
export function before(text: string, pos: number, width: number): string {
  const s = text.slice(Math.max(0, pos - width), pos);
  const nl = s.lastIndexOf('\n');
  return nl < 0 ? s : s.slice(nl + 1);
}

// Every label the scanner asks about (注册号, 订单, 发票, 准考证, 代码 …) ends in one of these
// characters: looking for them first spares a slice and a regex run for the many numbers that
// have no label in front. A new label with another last character must be added here.
const LABEL_ENDS = new Set([...'号单票证码'].map((c) => c.charCodeAt(0)));

/** Whether a label within 12 characters before `pos` on its line names the number as a
 *  registration, order, exam, document or similar number. */
export function labelledOther(text: string, pos: number, labels: RegExp): boolean {
  const from = Math.max(0, pos - 12);
  for (let k = pos - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) return false;
    if (LABEL_ENDS.has(c)) return labels.test(before(text, pos, 12));
  }
  return false;
}

/** The text of the same line within `width` characters after `pos`. */
export function after(text: string, pos: number, width: number): string {
  const s = text.slice(pos, pos + width);
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl);
}

export class Lines {
  private breaks: Int32Array | undefined;
  constructor(private readonly text: string) {}

  private index(): Int32Array {
    if (!this.breaks) {
      const found: number[] = [];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) found.push(i);
      this.breaks = Int32Array.from(found);
    }
    return this.breaks;
  }

  /** 1-based line of an offset. */
  of(pos: number): number {
    const s = this.index();
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** Fills in the line of start-ordered candidates in one walk. */
  assign(cands: readonly { readonly start: number; line: number }[]): void {
    const s = this.index();
    let k = 0;
    for (const c of cands) {
      while (k < s.length && s[k]! < c.start) k++;
      c.line = k + 1;
    }
  }
}
