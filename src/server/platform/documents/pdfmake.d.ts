// pdfmake 0.3 ships no type declarations; this is the part the PDF renderer uses.
declare module 'pdfmake' {
  type FontFile = string | [string, string];
  export interface PdfMake {
    setFonts(fonts: Record<string, { normal: FontFile; bold: FontFile; italics: FontFile; bolditalics: FontFile }>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
