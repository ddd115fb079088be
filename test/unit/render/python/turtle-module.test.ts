/** The recording turtle module, run directly by /usr/bin/python3 (no sandbox needed for this). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const HARNESS = path.resolve('resources/render/python');

function turtleRun(code: string): unknown {
  const prelude = `import sys, json\nsys.path.insert(0, ${JSON.stringify(HARNESS)})\nimport turtle\n`;
  const out = execFileSync('/usr/bin/python3', ['-c', prelude + code], {
    env: { ...process.env, MPLBACKEND: 'Agg' },
  });
  return JSON.parse(String(out));
}

describe.skipIf(!existsSync('/usr/bin/python3'))('recording turtle module', () => {
  it('is the shadowing module, not the Tk one', () => {
    expect(turtleRun('print(json.dumps(turtle.__file__))')).toBe(path.join(HARNESS, 'turtle.py'));
  });

  it('moves like the standard turtle: heading counter-clockwise from east', () => {
    const pos = turtleRun(
      'turtle.forward(100)\nturtle.left(90)\nturtle.forward(50)\nprint(json.dumps([round(c, 6) for c in turtle.pos()] + [turtle.heading()]))',
    );
    expect(pos).toEqual([100, 50, 90]);
  });

  it('closes a full circle and a half circle ends a diameter away', () => {
    const result = turtleRun(
      'turtle.circle(50)\na = [round(c, 6) for c in turtle.pos()]\nturtle.home()\nturtle.circle(50, 180)\nb = [round(c, 6) for c in turtle.pos()]\nprint(json.dumps([a, b, round(turtle.heading(), 6)]))',
    ) as number[][];
    expect(result[0]![0]).toBeCloseTo(0, 6);
    expect(result[0]![1]).toBeCloseTo(0, 6);
    expect(result[1]![0]).toBeCloseTo(0, 6);
    expect(result[1]![1]).toBeCloseTo(100, 6);
    expect(result[2]).toBe(180);
  });

  it('records lines, fills below their outline, dots and text', () => {
    const kinds = turtleRun(
      'turtle.begin_fill()\nturtle.forward(10)\nturtle.left(90)\nturtle.forward(10)\nturtle.end_fill()\nturtle.dot(5)\nturtle.write("hi")\nprint(json.dumps([k for k, _, _ in turtle.Screen().items]))',
    );
    expect(kinds).toEqual(['fill', 'line', 'dot', 'text']);
  });

  it('rejects a bad colour as the standard module does', () => {
    const said = turtleRun(
      'try:\n  turtle.pencolor("notacolour")\n  print(json.dumps("accepted"))\nexcept turtle.TurtleGraphicsError as e:\n  print(json.dumps(type(e).__name__))',
    );
    expect(said).toBe('TurtleGraphicsError');
  });
});
