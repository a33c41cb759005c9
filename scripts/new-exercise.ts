// `npm run new:exercise -- ID LESSON-SLUG`: scaffold an exercise folder
// that passes the schema, ready to be filled in.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExerciseIdSchema } from '../src/schemas/exercise.ts';

const [id, lesson] = process.argv.slice(2);
if (!id || !lesson || !ExerciseIdSchema.safeParse(id).success) {
	console.error('usage: npm run new:exercise -- EXERCISE-ID LESSON-SLUG\n  e.g. npm run new:exercise -- three-coffees gather');
	process.exit(2);
}
const folder = join(import.meta.dirname, '..', 'exercises', id);
if (existsSync(folder)) {
	console.error(`exercises/${id} exists already`);
	process.exit(2);
}
mkdirSync(folder, { recursive: true });
const files: Record<string, string> = {
	'exercise.md': `---
title: "A title that says what the learner builds"
lesson: ${lesson}
order: 1
difficulty: easy
hints:
  - "A nudge in the right direction."
  - "Nearly the answer."
---

What the learner must do, in a few short sentences of Markdown. Say what the
program should print and when, in virtual seconds.
`,
	'starter.py': `import asyncio


async def main():
    print("replace me")


asyncio.run(main())
`,
	'solution.py': `import asyncio


async def main():
    await asyncio.sleep(1)
    print("done")


asyncio.run(main())
`,
	'checks.py': `from awaitable.grading import check


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("it prints 'done' at t=1s")
def done_at_one_second(program):
    program.run().expect_line(r"^done$", what="the line 'done'", at=1.0)
`,
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
console.log(`created exercises/${id}/ (${Object.keys(files).join(', ')})
next: edit the files, embed it in content/lessons/${lesson}.mdx with <Exercise id="${id}" />,
then run: npx awaitable verify ${id}`);
