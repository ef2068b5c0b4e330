/** A solved proof-of-work challenge, kept until it expires so it cannot be used twice. */
export interface PowSpentTable {
  /** SHA-256 of the challenge text (hex). */
  challenge_hash: string;
  expires_at: string;
}
