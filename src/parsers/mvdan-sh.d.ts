/**
 * The part of mvdan-sh (GopherJS build of mvdan.cc/sh/v3/syntax) that parsers/shell.ts uses.
 * Offsets are UTF-8 byte offsets; strings come back as JS strings. Nil pointers are `null`.
 */
declare module 'mvdan-sh' {
  export interface ShPos {
    Offset(): number;
    Line(): number;
    Col(): number;
  }

  export interface ShNode {
    Pos(): ShPos;
    End(): ShPos;
  }

  export interface ShLit extends ShNode {
    Value: string;
  }

  export interface ShWordPart extends ShNode {
    /** Lit and SglQuoted. */
    Value?: string;
    /** DblQuoted parts. */
    Parts?: ShWordPart[];
    /** `$'…'` / `$"…"` on quotes. */
    Dollar?: boolean;
    /** CmdSubst and ProcSubst. */
    Stmts?: ShStmt[];
  }

  export interface ShWord extends ShNode {
    Parts: ShWordPart[];
    /** The literal text, or '' when the word is not a plain literal. */
    Lit(): string;
  }

  export interface ShAssign extends ShNode {
    Name: ShLit | null;
    Value: ShWord | null;
    Naked: boolean;
    Append: boolean;
  }

  export interface ShRedirect extends ShNode {
    Op: number;
    N: ShLit | null;
    Word: ShWord | null;
    Hdoc: ShWord | null;
  }

  export interface ShCommand extends ShNode {
    /** CallExpr. */
    Assigns?: ShAssign[];
    Args?: ShWord[] | ShAssign[];
    /** BinaryCmd. */
    Op?: number;
    X?: ShStmt;
    Y?: ShStmt;
    /** DeclClause. */
    Variant?: ShLit;
  }

  export interface ShStmt extends ShNode {
    Cmd: ShCommand | null;
    Redirs: ShRedirect[];
    Negated: boolean;
    Background: boolean;
  }

  export interface ShFile extends ShNode {
    Stmts: ShStmt[];
  }

  export interface ShParser {
    Parse(src: string, name: string): ShFile;
  }

  /** What a parse error throws. */
  export interface ShParseError {
    Error(): string;
    Text?: string;
    Pos?: ShPos;
  }

  export interface ShSyntax {
    NewParser(...options: unknown[]): ShParser;
    NodeType(node: ShNode): string;
    Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
  }

  const sh: { syntax: ShSyntax };
  export default sh;
}
