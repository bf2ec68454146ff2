// SPDX-License-Identifier: GPL-3.0-or-later
// The scenarios' former entry points, kept for the Scenarios panel and existing callers: each
// scenario is now an algorithm of the processing framework (core/processing/algorithms).
#include "scenario.h"

#include "../processing/algorithm.h"

namespace vigie::core {

QString scenarioKindKey(ScenarioKind kind)
{
    switch (kind) {
    case ScenarioKind::Forecast:
        return QStringLiteral("forecast");
    case ScenarioKind::Event:
        return QStringLiteral("event");
    case ScenarioKind::Patrol:
        return QStringLiteral("patrol");
    case ScenarioKind::Cameras:
        return QStringLiteral("cameras");
    case ScenarioKind::Impact:
        return QStringLiteral("impact");
    }
    return {};
}

std::vector<ScenarioKind> allScenarioKinds()
{
    return {ScenarioKind::Forecast, ScenarioKind::Event, ScenarioKind::Patrol,
            ScenarioKind::Cameras, ScenarioKind::Impact};
}

std::optional<ScenarioKind> scenarioKindFromKey(const QString &key)
{
    for (ScenarioKind k : allScenarioKinds())
        if (scenarioKindKey(k) == key.toLower())
            return k;
    return std::nullopt;
}

QString scenarioKindTitle(ScenarioKind kind)
{
    switch (kind) {
    case ScenarioKind::Forecast:
        return vigie::core::ScenarioRunner::tr("Forecast");
    case ScenarioKind::Event:
        return vigie::core::ScenarioRunner::tr("Event security planning");
    case ScenarioKind::Patrol:
        return vigie::core::ScenarioRunner::tr("Patrol allocation");
    case ScenarioKind::Cameras:
        return vigie::core::ScenarioRunner::tr("Camera what-if");
    case ScenarioKind::Impact:
        return vigie::core::ScenarioRunner::tr("Impact of an action");
    }
    return {};
}

std::vector<ParameterInfo> scenarioParameters(ScenarioKind kind)
{
    using processing::ParameterType;
    const processing::Algorithm *algorithm =
        processing::AlgorithmRegistry::instance().find(scenarioKindKey(kind));
    std::vector<ParameterInfo> out;
    if (!algorithm)
        return out;
    for (const processing::ParameterDefinition &d : algorithm->parameters()) {
        ParameterInfo info;
        info.name = d.name();
        info.defaultValue = d.defaultValue().isValid() ? QVariant(d.defaultText()) : QVariant();
        if (d.type() == ParameterType::Number || d.type() == ParameterType::Integer)
            info.defaultValue = d.defaultValue();
        else if (d.type() == ParameterType::Boolean)
            info.defaultValue = d.defaultValue().toBool();
        for (const processing::ParameterChoice &c : d.choices())
            info.choices << c.value;
        info.help = d.help();
        if (d.hasRange()) {
            info.minimum = d.minimum();
            info.maximum = d.maximum();
        }
        out.push_back(info);
    }
    return out;
}

Result<AnalysisOutcome> ScenarioRunner::run(Store &store, const ScenarioRequest &request,
                                            analytics::Feedback *feedback)
{
    processing::AlgorithmRun run;
    run.algorithm = scenarioKindKey(request.kind);
    run.selection = request.selection;
    run.parameters = request.parameters;
    run.title = request.title;
    return processing::ProcessingRunner::run(store, run, feedback);
}

} // namespace vigie::core
