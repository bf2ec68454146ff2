// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace vigie::core {

QString languageSetting()
{
    const QString value =
        QSettings().value(QStringLiteral("ui/language"), QStringLiteral("auto")).toString();
    if (value == QLatin1String("fr") || value == QLatin1String("en"))
        return value;
    return QStringLiteral("auto");
}

void setLanguageSetting(const QString &language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

QString preferredLanguage()
{
    const QString env = qEnvironmentVariable("VIGIE_LANGUAGE");
    const QString setting =
        (env == QLatin1String("fr") || env == QLatin1String("en")) ? env : languageSetting();
    if (setting != QLatin1String("auto"))
        return setting;
    return QLocale::system().language() == QLocale::French ? QStringLiteral("fr")
                                                           : QStringLiteral("en");
}

QString installTranslations(const QString &language)
{
    static QTranslator *vigieTranslator = nullptr;
    static QTranslator *qtTranslator = nullptr;
    auto *app = QCoreApplication::instance();
    if (!app)
        return QStringLiteral("en");
    for (QTranslator **t : {&vigieTranslator, &qtTranslator}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    if (language != QLatin1String("fr"))
        return QStringLiteral("en");

    vigieTranslator = new QTranslator(app);
    if (vigieTranslator->load(QStringLiteral(":/vigie/i18n/vigie_fr.qm")))
        QCoreApplication::installTranslator(vigieTranslator);
    qtTranslator = new QTranslator(app);
    if (qtTranslator->load(QStringLiteral("qtbase_fr"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    return QStringLiteral("fr");
}

} // namespace vigie::core
