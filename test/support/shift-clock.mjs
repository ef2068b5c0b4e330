// Moves this process's idea of "now" by GONGKAI_TEST_CLOCK_SHIFT_DAYS days (e.g. 730), so that CI can
// run the whole suite as if it were two years later. Loaded with NODE_OPTIONS="--import=<this file>",
// which every child process (the CLI, the server under test) inherits. A test that hard-codes a date
// relative to the real today, instead of setting its own clock, fails under the shift.
// Plain JavaScript on purpose: it must load before tsx and in processes that never load tsx.
const days = Number(process.env.GONGKAI_TEST_CLOCK_SHIFT_DAYS ?? '0');
if (!Number.isInteger(days))
  throw new Error(
    `GONGKAI_TEST_CLOCK_SHIFT_DAYS must be a whole number, got ${process.env.GONGKAI_TEST_CLOCK_SHIFT_DAYS}`,
  );
if (days !== 0 && !globalThis.__gongkaiClockShifted) {
  const offset = days * 86_400_000;
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + offset);
      else super(...args);
    }
    static now() {
      return realNow() + offset;
    }
  }
  // Date() called as a function returns a string for now.
  const callable = new Proxy(ShiftedDate, {
    apply() {
      return new RealDate(realNow() + offset).toString();
    },
  });
  globalThis.Date = callable;
  globalThis.__gongkaiClockShifted = true;
}
