// Console blocks in Markdown: fenced code blocks (``` or ~~~) whose info string starts with the
// word "console". Each block is a piece of one terminal session; the file's blocks run in order.

export interface ConsoleBlock {
  /** 1-based line of the block's first content line. */
  firstLine: number;
  text: string;
}

export function consoleBlocks(markdown: string): ConsoleBlock[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const blocks: ConsoleBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body: string[] = [];
    let j = i + 1;
    const closes = (l: string): boolean => new RegExp(`^ {0,3}${fence![0] === '`' ? '`' : '~'}{${fence!.length},}\\s*$`).test(l);
    while (j < lines.length && !closes(lines[j]!)) {
      body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!.trimStart());
      j++;
    }
    if (info === 'console') blocks.push({ firstLine: i + 2, text: body.join('\n') });
    i = j;
  }
  return blocks;
}
