#!/usr/bin/env bash
# Build the site from a copy of the tree holding only the named exercises and
# lessons (plus everything else), into DEST/dist: for looking at work in
# progress while other exercises are still being written.
# usage: scripts/build-snapshot.sh DEST "exercise-ids..." "lesson-slugs..."
set -euo pipefail
dest=$1; exercises=$2; lessons=$3
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$dest"; mkdir -p "$dest"
(cd "$root" && tar --exclude=./node_modules --exclude=./dist --exclude=./.astro --exclude=./exercises --exclude=./content/lessons -cf - .) | tar -xf - -C "$dest"
mkdir -p "$dest/exercises" "$dest/content/lessons"
for id in $exercises; do cp -r "$root/exercises/$id" "$dest/exercises/"; done
for slug in $lessons; do cp "$root/content/lessons/$slug.mdx" "$dest/content/lessons/"; done
cp -al "$root/node_modules" "$dest/node_modules"
cd "$dest" && ASTRO_TELEMETRY_DISABLED=1 npx astro build
