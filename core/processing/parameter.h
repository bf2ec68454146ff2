// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../layermanifest.h"
#include "../result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>
#include <vector>

namespace vigie::core {

class Store;

namespace processing {

/**
 * The types of an algorithm's parameters. The type decides how a value is read (from the
 * command line's text or a form's typed value), checked, shown in help, and which editor the
 * GUI builds for it.
 */
enum class ParameterType {
    Number,      ///< real number, with minimum, maximum and unit (double)
    Integer,     ///< whole number, with minimum, maximum and unit (qlonglong)
    Boolean,     ///< yes or no (bool)
    Choice,      ///< one of declared values, each with a translated label (QString: the value)
    Date,        ///< calendar day, ISO 8601 (QDate)
    DateTime,    ///< instant, ISO 8601, Paris time unless an offset is given (QDateTime, UTC)
    Period,      ///< "FROM/TO", two ISO dates or date-times (QVariantList of two QDateTime, UTC)
    Layer,       ///< a layer of the workspace, of a geometry type when declared (QString: id)
    Field,       ///< a field of a layer named by another parameter or fixed (QString: name)
    Areas,       ///< names or codes of areas of a boundary layer (QStringList)
    Point,       ///< x,y in Lambert-93 metres (QPointF as QVariantList of two doubles)
    CameraEdits, ///< "add:x,y,dir,fov,range;move:ID:…;remove:ID" (QString, checked by shape)
    Text,        ///< free text (QString)
    File,        ///< a file path (QString)
};

/// Stable key of a type ("number", "date-time", …), used in help and the generated docs.
QString parameterTypeKey(ParameterType type);
/// Translated name of a type ("nombre", "date et heure", …).
QString parameterTypeTitle(ParameterType type);

/// One allowed value of a Choice parameter.
struct ParameterChoice
{
    QString value; ///< what the command line takes and the algorithm reads (stable)
    QString label; ///< translated
};

/**
 * A parameter, declared once by its algorithm: name, type, translated label and help, default,
 * range and unit, choices, flags. The dialogs, `vigie-cli run ALG --help`, the generated
 * reference page and the validation all read this declaration and nothing else.
 */
class ParameterDefinition
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::processing::ParameterDefinition)

public:
    static ParameterDefinition number(const QString &name, const QString &label,
                                      double defaultValue, double minimum, double maximum,
                                      const QString &unit = {});
    static ParameterDefinition integer(const QString &name, const QString &label,
                                       qlonglong defaultValue, qlonglong minimum, qlonglong maximum,
                                       const QString &unit = {});
    static ParameterDefinition boolean(const QString &name, const QString &label,
                                       bool defaultValue);
    static ParameterDefinition choice(const QString &name, const QString &label,
                                      std::vector<ParameterChoice> choices,
                                      const QString &defaultValue);
    static ParameterDefinition date(const QString &name, const QString &label);
    static ParameterDefinition dateTime(const QString &name, const QString &label);
    static ParameterDefinition period(const QString &name, const QString &label);
    /// A layer of the workspace; `geometry` restricts it (points, polygons, raster).
    static ParameterDefinition layer(const QString &name, const QString &label,
                                     std::optional<GeometryType> geometry,
                                     const QString &defaultValue = {});
    /// A field of the layer given by parameter `layerParameter` (or of the selection's layer
    /// when empty); `numeric` asks for an integer or real field.
    static ParameterDefinition field(const QString &name, const QString &label,
                                     const QString &layerParameter, bool numeric);
    /// Areas of the boundary layer given by parameter `layerParameter` (default quartiers).
    static ParameterDefinition areas(const QString &name, const QString &label,
                                     const QString &layerParameter);
    static ParameterDefinition point(const QString &name, const QString &label);
    static ParameterDefinition cameraEdits(const QString &name, const QString &label);
    static ParameterDefinition text(const QString &name, const QString &label,
                                    const QString &defaultValue = {});
    static ParameterDefinition file(const QString &name, const QString &label,
                                    const QString &filter = {});

    /// Builder-style settings, chained after the constructor above.
    ParameterDefinition &withHelp(const QString &help);
    ParameterDefinition &advanced(); ///< shown under "Advanced" in forms
    ParameterDefinition &hidden();   ///< not in forms nor help; still accepted
    ParameterDefinition &optional(); ///< may be left empty (no default)
    ParameterDefinition &withDefault(const QVariant &value);
    /// The choice with this (empty) value means "chosen from the data" and is labelled so.
    ParameterDefinition &automaticChoice(const QString &label);

    const QString &name() const { return m_name; }
    ParameterType type() const { return m_type; }
    const QString &label() const { return m_label; }
    const QString &help() const { return m_help; }
    const QVariant &defaultValue() const { return m_default; }
    double minimum() const { return m_min; }
    double maximum() const { return m_max; }
    bool hasRange() const { return m_max > m_min; }
    const QString &unit() const { return m_unit; } ///< as declared ("m", "d", "h", "°")
    QString unitSymbol() const;                    ///< as shown: translated ("j" for "d")
    const std::vector<ParameterChoice> &choices() const { return m_choices; }
    std::optional<GeometryType> geometryType() const { return m_geometry; }
    const QString &parentParameter() const { return m_parent; }
    bool numericField() const { return m_numeric; }
    const QString &fileFilter() const { return m_filter; }
    bool isAdvanced() const { return m_advanced; }
    bool isHidden() const { return m_hidden; }
    bool isOptional() const { return m_optional; }

    /// The command-line option: the name in kebab-case ("cellSize" -> "cell-size").
    QString optionName() const;
    /// What the option takes, for help: "NOMBRE", "oui|non", … (translated).
    QString valueName() const;
    /// The default as a user types it ("300", "yes", "quartic"), empty when there is none.
    QString defaultText() const;
    /// Label, help, unit, range, choices and default in one translated paragraph.
    QString describe() const;

    /**
     * Reads and checks one value: text as typed on the command line or in a field, or a
     * typed value from a form. Returns the canonical value (see ParameterType) or an error
     * naming the parameter by its label and name. An absent or empty value gives the default
     * (an invalid QVariant when there is none and the parameter is optional). With a store,
     * layers, fields and areas are checked against it.
     */
    Result<QVariant> check(const QVariant &raw, const Store *store = nullptr,
                           const QVariantMap &others = {}) const;

    /// Canonical value as text, the form check() reads back (round trip).
    static QString valueText(const QVariant &value);

private:
    ParameterDefinition(QString name, ParameterType type, QString label);
    Error invalid(const QString &why) const;
    Result<QVariant> checkNumber(const QVariant &raw) const;
    Result<QVariant> checkChoice(const QString &text) const;
    Result<QVariant> checkTime(const QVariant &raw) const; ///< Date, DateTime, Period
    Result<QVariant> checkWorkspaceName(const QVariant &raw, const Store *store,
                                        const QVariantMap &others) const; ///< Layer, Field, Areas
    Result<QVariant> checkShape(const QVariant &raw) const;               ///< Point, CameraEdits

    QString m_name;
    ParameterType m_type;
    QString m_label;
    QString m_help;
    QVariant m_default;
    double m_min = 0.0, m_max = 0.0;
    QString m_unit;
    std::vector<ParameterChoice> m_choices;
    std::optional<GeometryType> m_geometry;
    QString m_parent;
    QString m_filter;
    bool m_numeric = false;
    bool m_advanced = false;
    bool m_hidden = false;
    bool m_optional = false;
};

using ParameterDefinitions = std::vector<ParameterDefinition>;

/**
 * Checked values of one run, read through typed accessors. Only validate() makes them, so an
 * algorithm never sees an unchecked value; asking for an undeclared name or the wrong type is a
 * programming error (Exception, ErrorCode::Internal), found by the first test that runs it.
 */
class ParameterValues
{
public:
    double number(const QString &name) const;
    qlonglong integer(const QString &name) const;
    bool boolean(const QString &name) const;
    QString choice(const QString &name) const;
    QString text(const QString &name) const; ///< Text, File, Layer, Field, CameraEdits, Choice
    QDate date(const QString &name) const;
    QDateTime dateTime(const QString &name) const;
    QStringList list(const QString &name) const; ///< Areas
    bool has(const QString &name) const;         ///< false for an empty optional value

    /// Every value by name (canonical types), for records and --json output.
    const QVariantMap &map() const { return m_values; }

private:
    friend Result<ParameterValues> validate(const ParameterDefinitions &, const QVariantMap &,
                                            const Store *);
    const ParameterDefinition &definition(const QString &name,
                                          std::initializer_list<ParameterType> types) const;

    ParameterDefinitions m_definitions;
    QVariantMap m_values;
};

/**
 * Checks raw values (text from the command line, typed values from a form) against the
 * declarations: unknown names and every bad value are errors naming the parameter; missing
 * ones take their defaults. The one validation the CLI and the GUI share.
 */
Result<ParameterValues> validate(const ParameterDefinitions &definitions, const QVariantMap &raw,
                                 const Store *store = nullptr);

/// "cellSize" -> "cell-size".
QString kebabCase(const QString &name);

} // namespace processing
} // namespace vigie::core
