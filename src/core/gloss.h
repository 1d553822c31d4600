/* gloss.h: the whole of libgloss-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-agreement.h"
#include "gloss-compare.h"
#include "gloss-atomic.h"
#include "gloss-autosave.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-exporter.h"
#include "gloss-format.h"
#include "gloss-gazetteer.h"
#include "gloss-history.h"
#include "gloss-i18n.h"
#include "gloss-import-text.h"
#include "gloss-importer.h"
#include "gloss-label.h"
#include "gloss-limits.h"
#include "gloss-offsets.h"
#include "gloss-recovery.h"
#include "gloss-schema.h"
#include "gloss-search.h"
#include "gloss-span.h"
#include "gloss-statistics.h"
#include "gloss-text.h"
#include "gloss-tokenizer.h"
