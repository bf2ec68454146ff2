// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layermanifest.h"

#include <QVariantMap>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace vigie::gui {

/// The attributes of the identified feature: field labels from the manifest in the UI language,
/// values formatted for the locale (dates in local time).
class IdentifyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit IdentifyPanel(QWidget *parent = nullptr);

    void showFeature(const core::LayerManifest &manifest, const QVariantMap &attributes,
                     const QString &language);
    void showNothing();
    void showMessage(const QString &message);

    /// "label: value" lines as displayed (for tests and copy).
    QStringList lines() const;
    QString title() const;

    /// Formats a value of a field for display.
    static QString formatValue(const QVariant &value, core::FieldType type);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title = nullptr;
    QTableWidget *m_table = nullptr;
    bool m_empty = true;
};

} // namespace vigie::gui
