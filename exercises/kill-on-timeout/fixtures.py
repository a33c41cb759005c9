"""A backup program: `backup --quick` takes 1 s; `backup --full` hangs."""


async def backup(ctx):
    if "--full" in ctx.args:
        await ctx.stdout.write("scanning 12000 files...\n")
        await ctx.hang()
    await ctx.sleep(1)
    await ctx.stdout.write("backed up 12 files\n")
    return 0


def setup(sandbox):
    sandbox.processes.register_command("backup", backup)
