/* gloss-span-layout.h: how spans are drawn, as pure functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss.h"

G_BEGIN_DECLS

G_END_DECLS
