// SPDX-License-Identifier: GPL-3.0-or-later
// French first: every string the sources pass through tr() has a finished French translation,
// and the compiled-in catalogue is the one the application loads.
#include "core/i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation;
    bool finished = false;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            current.finished = type.isEmpty();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            messages.append(current);
        }
    }
    return messages;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void everySourceStringIsTranslated()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString extracted = dir.filePath(QStringLiteral("extracted_fr.ts"));
        QProcess lupdate;
        lupdate.start(QStringLiteral(VIGIE_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("@" VIGIE_I18N_SOURCE_LIST),
                       QStringLiteral("-ts"), extracted});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QCOMPARE(lupdate.exitCode(), 0);

        const QList<Message> wanted = readTs(extracted);
        QVERIFY2(wanted.size() > 50, "lupdate found suspiciously few strings");
        QHash<QString, Message> committed;
        for (const Message &m : readTs(QStringLiteral(VIGIE_TS_FILE)))
            committed.insert(m.context + QChar(0) + m.source, m);

        QStringList missing;
        for (const Message &m : wanted) {
            const auto it = committed.constFind(m.context + QChar(0) + m.source);
            if (it == committed.cend() || !it->finished || it->translation.trimmed().isEmpty())
                missing << QStringLiteral("[%1] %2").arg(m.context, m.source);
        }
        if (!missing.isEmpty())
            qWarning().noquote() << "Untranslated strings (run the vigie_core_lupdate target and "
                                    "translate translations/vigie_fr.ts):\n  "
                                 << missing.join(QStringLiteral("\n  "));
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 of %2 strings have no French "
                                                              "translation")
                                                   .arg(missing.size())
                                                   .arg(wanted.size())));
    }

    /// A context named by hand (QCoreApplication::translate("ctx", …)) must be one the catalogue
    /// has, else its strings stay English whatever is translated.
    void everyHandWrittenContextExists()
    {
        QSet<QString> contexts;
        for (const Message &m : readTs(QStringLiteral(VIGIE_TS_FILE)))
            contexts.insert(m.context);
        const QRegularExpression named(QStringLiteral("translate\\(\\s*\"([^\"]+)\""));
        QStringList unknown;
        for (const char *dir : {"core", "app", "render", "plugins"}) {
            QDirIterator it(QStringLiteral(VIGIE_SOURCE_DIR "/") + QLatin1String(dir),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(f.readAll());
                for (const auto &m : named.globalMatch(text))
                    if (!contexts.contains(m.captured(1)))
                        unknown << QStringLiteral("%1: %2").arg(it.fileName(), m.captured(1));
            }
        }
        QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(QStringLiteral(", "))));
    }

    void frenchIsLoadedFromTheCompiledCatalogue()
    {
        QCOMPARE(vigie::core::installTranslations(QStringLiteral("fr")), QStringLiteral("fr"));
        const QString usage = QCoreApplication::translate("vigie::cli", "Commands:");
        QVERIFY2(usage != QLatin1String("Commands:"), qPrintable(usage));
        QVERIFY(usage.startsWith(QLatin1String("Commandes")));
        QCOMPARE(vigie::core::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("vigie::cli", "Commands:"),
                 QStringLiteral("Commands:"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
