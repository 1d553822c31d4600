#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or POTFILES.in lists a file that is gone or out of order.
# Besides the C and .ui files under src/, the desktop file, metainfo and
# MIME templates under data/ and a settings schema naming a gettext domain
# hold strings people read.
set -eu
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top"
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
status=0
echo "1..3"
if [ "$listed" = "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  echo "ok 1 POTFILES.in is sorted"
else
  echo "not ok 1 POTFILES.in is sorted"; status=1
fi
missing=$({ grep -rlE --include='*.c' '(\b_|\bN_|\bC_|\bNC_|ngettext) ?\(' src
           grep -rl --include='*.ui' 'translatable="yes"' src
           find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.mime.xml.in' \)
           grep -l 'gettext-domain=' data/*.gschema.xml; } 2>/dev/null | LC_ALL=C sort | while read -r f; do
  printf '%s\n' "$listed" | grep -qx "$f" || echo "$f"
done)
if [ -z "$missing" ]; then
  echo "ok 2 every file with translatable strings is listed"
else
  echo "not ok 2 every file with translatable strings is listed"
  printf '# missing: %s\n' $missing; status=1
fi
gone=$(printf '%s\n' "$listed" | while read -r f; do [ -f "$f" ] || echo "$f"; done)
if [ -z "$gone" ]; then
  echo "ok 3 every listed file exists"
else
  echo "not ok 3 every listed file exists"
  printf '# gone: %s\n' $gone; status=1
fi
exit $status
