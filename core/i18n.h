// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;

namespace vigie::core {

/// The language chosen in the settings ("ui/language": "fr", "en" or "auto"), resolved:
/// "auto" gives "fr" where the system locale is French, "en" otherwise.
QString preferredLanguage();
/// Stores the setting ("fr", "en" or "auto").
void setLanguageSetting(const QString &language);
QString languageSetting();

/// Installs Vigie's and Qt's translators for `language` ("fr" or "en") on the application.
/// Returns the language actually installed.
QString installTranslations(const QString &language);

} // namespace vigie::core
