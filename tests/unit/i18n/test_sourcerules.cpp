// SPDX-License-Identifier: GPL-3.0-or-later
// Rules on Vigie's own sources (core, render, app) that make a class of bug impossible rather
// than fixing its instances:
// - no chained QString::arg(): `.arg(a).arg(b)` substitutes a, then scans a's text again for
//   the next placeholder, so a file name or a title holding "%1" garbles the message (issue 16).
//   One call takes every argument: `.arg(a, b)`, numbers through argText() (core/argtext.h).
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

/// Index just past the ')' closing the '(' at open, skipping string and character literals and
/// comments; -1 when unbalanced.
qsizetype closing(const QString &s, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            // A raw string literal R"(...)" holds no escapes.
            if (c == QLatin1Char('"') && i > 0 && s.at(i - 1) == QLatin1Char('R')) {
                const qsizetype end = s.indexOf(QLatin1String(")\""), i);
                if (end < 0)
                    return -1;
                i = end + 1;
                continue;
            }
            for (++i; i < s.size() && s.at(i) != c; ++i)
                if (s.at(i) == QLatin1Char('\\'))
                    ++i;
        } else if (c == QLatin1Char('/') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('/')) {
            i = s.indexOf(QLatin1Char('\n'), i);
            if (i < 0)
                return -1;
        } else if (c == QLatin1Char('/') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('*')) {
            i = s.indexOf(QLatin1String("*/"), i);
            if (i < 0)
                return -1;
            ++i;
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')') && --depth == 0) {
            return i + 1;
        }
    }
    return -1;
}

/// Line numbers (1-based) where an .arg(...) call is directly followed by another .arg(.
QList<int> chainedArgs(const QString &source)
{
    static const QRegularExpression arg(QStringLiteral("\\.arg\\("));
    static const QRegularExpression next(QStringLiteral("^\\s*\\.arg\\("));
    QList<int> lines;
    for (auto it = arg.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        const qsizetype end = closing(source, m.capturedEnd() - 1);
        if (end < 0)
            continue;
        if (next.match(QStringView(source).mid(end)).hasMatch())
            lines << int(source.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
    }
    return lines;
}

} // namespace

class TestSourceRules : public QObject
{
    Q_OBJECT

private slots:
    void theCheckFindsChains()
    {
        QCOMPARE(chainedArgs(QStringLiteral("tr(\"%1 %2\").arg(path).arg(n);")), QList<int>{1});
        QCOMPARE(
            chainedArgs(QStringLiteral("x\n  tr(\"%1 (%2)\")\n .arg(f(a, \")\"))\n   .arg(2);")),
            QList<int>{3});
        QCOMPARE(chainedArgs(QStringLiteral("tr(\"%1 %2\").arg(path, argText(n));")), QList<int>{});
        QCOMPARE(chainedArgs(QStringLiteral("a.arg(x); // .arg(y)\nb.arg(z);")), QList<int>{});
    }

    void noChainedArgInTheSources()
    {
        QFile list(QStringLiteral(VIGIE_I18N_SOURCE_LIST));
        QVERIFY(list.open(QIODevice::ReadOnly));
        int files = 0;
        QStringList found;
        for (const QByteArray &line : list.readAll().split('\n')) {
            const QString path = QString::fromUtf8(line.trimmed());
            if (path.isEmpty())
                continue;
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            ++files;
            for (int l : chainedArgs(QString::fromUtf8(f.readAll())))
                found << QStringLiteral("%1:%2").arg(path, QString::number(l));
        }
        qInfo("%d source files checked", files);
        QVERIFY(files > 50);
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("chained .arg() (one call with every argument, "
                                           "numbers through argText()):\n") +
                            found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestSourceRules)
#include "test_sourcerules.moc"
