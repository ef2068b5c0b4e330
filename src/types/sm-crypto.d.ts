declare module 'sm-crypto' {
  interface Sm3 {
    (input: string | number[], options?: { key: string | number[] }): string;
  }
  interface Sm4 {
    encrypt(
      input: string | number[],
      key: string | number[],
      options?: { mode?: 'cbc' | 'ecb'; iv?: string | number[]; padding?: string; output?: 'string' | 'array' },
    ): string | number[];
    decrypt(
      input: string | number[],
      key: string | number[],
      options?: { mode?: 'cbc' | 'ecb'; iv?: string | number[]; padding?: string; output?: 'string' | 'array' },
    ): string | number[];
  }
  const smCrypto: { sm3: Sm3; sm4: Sm4 };
  export default smCrypto;
}
