// html-to-text ships no type declarations; this covers the part of its API the email parser uses.
declare module "html-to-text" {
  export type HtmlNode = {
    type: string;
    name?: string;
    attribs?: Record<string, string>;
    children?: HtmlNode[];
  };
  export type BlockTextBuilder = {
    options: { formatters: Record<string, FormatCallback> };
  };
  export type FormatCallback = (
    elem: HtmlNode,
    walk: (nodes: HtmlNode[] | undefined, builder: BlockTextBuilder) => void,
    builder: BlockTextBuilder,
    formatOptions: Record<string, unknown>,
  ) => void;
  export type SelectorDefinition = { selector: string; format?: string; options?: Record<string, unknown> };
  export type HtmlToTextOptions = {
    wordwrap?: number | false | null;
    preserveNewlines?: boolean;
    decodeEntities?: boolean;
    limits?: { maxInputLength?: number; maxDepth?: number; maxChildNodes?: number; ellipsis?: string };
    selectors?: SelectorDefinition[];
    formatters?: Record<string, FormatCallback>;
    baseElements?: { selectors?: string[]; returnDomByDefault?: boolean };
  };
  export function compile(options?: HtmlToTextOptions): (html: string) => string;
  export function convert(html: string, options?: HtmlToTextOptions): string;
}
