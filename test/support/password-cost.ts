// The scrypt cost of the hashes the test suite makes (test/all.test.ts sets it): 1 MiB and about a
// millisecond instead of production's 32 MiB and a tenth of a second, which sign-ins, password
// changes and the demo's accounts paid thousands of times. Production's cost is asserted in
// src/platform/auth/password.test.ts.
import type { ScryptCost } from '../../src/platform/auth/password.ts';

export const TEST_SCRYPT_COST: ScryptCost = Object.freeze({ N: 1 << 10, r: 8, p: 1 });
