// An RFC 4180 CSV reader fed in chunks: quoted fields may hold commas, quotes ("") and line
// breaks, and a record may span chunks. Each record comes with the file line it starts on, so
// an error can name it.

export type CsvRecord = { line: number; fields: string[] };

export class CsvReader {
  private field = "";
  private row: string[] = [];
  private quoted = false;
  /** A quote closed the field: the next character decides whether it was an escaped quote. */
  private quoteEnd = false;
  private pendingCr = false;
  private line = 1;
  private rowLine = 1;

  /** The records completed by this chunk; blank lines are dropped. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let field = this.field;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === "\n") continue;
      }
      if (this.quoteEnd) {
        this.quoteEnd = false;
        if (c === '"') {
          field += '"';
          this.quoted = true;
          continue;
        }
      }
      if (this.quoted) {
        if (c === '"') {
          this.quoted = false;
          this.quoteEnd = true;
        } else {
          if (c === "\n") this.line++;
          field += c;
        }
      } else if (c === '"' && field === "") this.quoted = true;
      else if (c === ",") {
        this.row.push(field);
        field = "";
      } else if (c === "\n" || c === "\r") {
        this.row.push(field);
        field = "";
        this.emit(out);
        this.line++;
        this.rowLine = this.line;
        if (c === "\r") this.pendingCr = true;
      } else field += c;
    }
    this.field = field;
    return out;
  }

  /** The last record, when the file does not end with a line break. Throws inside an open quote. */
  end(): CsvRecord[] {
    if (this.quoted) throw new Error(`The CSV ends inside a quoted field that starts on line ${this.rowLine}.`);
    const out: CsvRecord[] = [];
    if (this.field !== "" || this.row.length) {
      this.row.push(this.field);
      this.field = "";
      this.emit(out);
    }
    return out;
  }

  private emit(out: CsvRecord[]) {
    const fields = this.row;
    this.row = [];
    if (fields.some((f) => f.trim() !== "")) out.push({ line: this.rowLine, fields });
  }
}
