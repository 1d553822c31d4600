/* gloss-export-formats.h: the exporters, one module each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-exporter.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCCANO_EXPORTER (gloss_doccano_exporter_get_type())
G_DECLARE_FINAL_TYPE (GlossDoccanoExporter, gloss_doccano_exporter, GLOSS, DOCCANO_EXPORTER, GlossExporter)

#define GLOSS_TYPE_SPACY_EXPORTER (gloss_spacy_exporter_get_type())
G_DECLARE_FINAL_TYPE (GlossSpacyExporter, gloss_spacy_exporter, GLOSS, SPACY_EXPORTER, GlossExporter)

#define GLOSS_TYPE_CONLL_EXPORTER (gloss_conll_exporter_get_type())
G_DECLARE_FINAL_TYPE (GlossConllExporter, gloss_conll_exporter, GLOSS, CONLL_EXPORTER, GlossExporter)

#define GLOSS_TYPE_BRAT_EXPORTER (gloss_brat_exporter_get_type())
G_DECLARE_FINAL_TYPE (GlossBratExporter, gloss_brat_exporter, GLOSS, BRAT_EXPORTER, GlossExporter)

#define GLOSS_TYPE_WEBANNO_EXPORTER (gloss_webanno_exporter_get_type())
G_DECLARE_FINAL_TYPE (GlossWebannoExporter, gloss_webanno_exporter, GLOSS, WEBANNO_EXPORTER, GlossExporter)

#define GLOSS_TYPE_NATIVE_EXPORTER (gloss_native_exporter_get_type())
G_DECLARE_FINAL_TYPE (GlossNativeExporter, gloss_native_exporter, GLOSS, NATIVE_EXPORTER, GlossExporter)

G_END_DECLS
