// SPDX-License-Identifier: GPL-3.0-or-later
// Report templates are JSON files a user can pass by path: any bytes give a template or an error.
#include "core/report/reporttemplate.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = vigie::core::ReportTemplate::fromJson(bytes, QStringLiteral("fuzz.json"));
    (void)parsed;
    return 0;
}
