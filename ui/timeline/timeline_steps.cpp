// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/timeline/timeline_steps.h"

#include <QObject>

namespace corsbench::ui {

using cors::Check;
using cors::CheckStatus;
using cors::Stage;

namespace {

/// The failed check to name for a stage/hop: the reported one if it is there, else the first.
const Check* failedCheck(const cors::Verdict& verdict, Stage stage, int hop = -1)
{
    const Check* first = nullptr;
    for (const Check& check : verdict.checks) {
        if (check.stage != stage || check.status != CheckStatus::Fail)
            continue;
        if (stage == Stage::Actual && check.hop != hop)
            continue;
        if (check.reported)
            return &check;
        if (!first)
            first = &check;
    }
    return first;
}

QString pathOf(const QUrl& url, const QUrl& reference)
{
    QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (url.hasQuery())
        path += u'?' + url.query(QUrl::FullyEncoded);
    // Name the host only when the hop leaves the first request's origin.
    if (reference.isValid()
        && (url.host() != reference.host() || url.port() != reference.port() || url.scheme() != reference.scheme()))
        return url.authority() + path;
    return path;
}

QString resultText(const http::HttpResponseHead& response)
{
    if (response.isNetworkError())
        return QObject::tr("✕ %1").arg(response.networkError);
    QString text = QStringLiteral("→ %1").arg(response.status);
    if (!response.reason.isEmpty())
        text += u' ' + QString::fromLatin1(response.reason);
    return text;
}

QString blockedText(const Check* check)
{
    return QObject::tr("failed: %1").arg(check->title.isEmpty() ? check->id : check->title);
}

} // namespace

namespace {

TimelineStep preflightStep(const http::Exchange& exchange, const cors::Verdict& verdict)
{
    const http::Preflight& preflight = *exchange.preflight;
    const QUrl target = exchange.request.url;
    TimelineStep step;
    step.kind = StepKind::Preflight;
    step.caption = QObject::tr("PREFLIGHT");
    step.request = preflight.request ? preflight.request : std::optional(verdict.preflight.request);
    step.requestComputed = !preflight.request;
    step.response = preflight.response;
    const QUrl url = step.request && step.request->url.isValid() ? step.request->url : target;
    step.title = QStringLiteral("OPTIONS %1").arg(pathOf(url, target));
    step.result = resultText(preflight.response);
    step.toolTip = url.toDisplayString();
    if (const Check* failed = failedCheck(verdict, Stage::Preflight)) {
        step.state = StepState::Blocked;
        step.detail = blockedText(failed);
    } else {
        step.state = StepState::Passed;
        step.detail = QObject::tr("preflight passed");
    }
    return step;
}

/// One step per recorded hop; `method` and `lastUrl` track redirects for what comes next.
QList<TimelineStep> hopSteps(
    const http::Exchange& exchange, const cors::Verdict& verdict, QByteArray& method, QUrl& lastUrl)
{
    QList<TimelineStep> steps;
    const QUrl target = exchange.request.url;
    for (int i = 0; i < exchange.actual.size(); ++i) {
        const http::Hop& hop = exchange.actual.at(i);
        TimelineStep step;
        step.kind = i == 0 ? StepKind::Request : StepKind::Redirect;
        step.caption = i == 0 ? QObject::tr("REQUEST") : QObject::tr("REDIRECT %1").arg(i);
        step.request = hop.request;
        step.response = hop.response;
        QUrl url = i == 0 ? target : QUrl();
        if (hop.request) {
            url = hop.request->url;
            method = hop.request->method;
        } else if (i > 0) {
            if (const auto location = exchange.actual.at(i - 1).response.headers.value("Location"))
                url = lastUrl.resolved(QUrl::fromEncoded(*location));
        }
        lastUrl = url;
        step.title = QStringLiteral("%1 %2").arg(
            QString::fromLatin1(method), url.isValid() ? pathOf(url, target) : QStringLiteral("?"));
        step.result = resultText(hop.response);
        step.toolTip = url.toDisplayString();
        if (const Check* failed = failedCheck(verdict, Stage::Actual, i)) {
            step.state = StepState::Blocked;
            step.detail = blockedText(failed);
        } else if (!verdict.corsApplies) {
            step.state = StepState::Neutral;
            step.detail = QObject::tr("no CORS checks apply");
        } else {
            step.state = StepState::Passed;
            step.detail =
                hop.response.isRedirect() ? QObject::tr("redirect followed") : QObject::tr("CORS checks passed");
        }
        steps.append(step);
    }
    return steps;
}

/// The hop a blocked redirect pointed at, which the browser never requested.
std::optional<TimelineStep> unfollowedRedirectStep(
    const http::Exchange& exchange, const QByteArray& method, const QUrl& lastUrl)
{
    const http::HttpResponseHead& last = exchange.actual.last().response;
    const auto location = last.headers.value("Location");
    if (!location)
        return std::nullopt;
    const QUrl next = lastUrl.resolved(QUrl::fromEncoded(*location));
    // 303, and 301/302 after POST, turn into GET (Fetch "HTTP-redirect fetch" step 12).
    const bool toGet = last.status == 303 || ((last.status == 301 || last.status == 302) && method == "POST");
    TimelineStep step;
    step.kind = StepKind::Redirect;
    step.state = StepState::NotSent;
    step.caption = QObject::tr("REDIRECT %1").arg(exchange.actual.size());
    step.title = QStringLiteral("%1 %2").arg(
        toGet ? QStringLiteral("GET") : QString::fromLatin1(method), pathOf(next, exchange.request.url));
    step.result = QObject::tr("not followed");
    step.detail = QObject::tr("the redirect response was blocked");
    step.toolTip = next.toDisplayString();
    return step;
}

/// Placeholder for an actual request that never went out.
TimelineStep unsentRequestStep(const http::Exchange& exchange, const cors::Verdict& verdict, const QByteArray& method)
{
    const QUrl target = exchange.request.url;
    TimelineStep step;
    step.kind = StepKind::Request;
    step.state = StepState::NotSent;
    step.caption = QObject::tr("REQUEST");
    step.title = QStringLiteral("%1 %2").arg(QString::fromLatin1(method), pathOf(target, target));
    step.result = QObject::tr("not sent");
    step.toolTip = target.toDisplayString();
    if (exchange.preflight && failedCheck(verdict, Stage::Preflight)) {
        step.detail = QObject::tr("the preflight failed");
    } else if (const Check* failed = failedCheck(verdict, Stage::Request)) {
        step.state = StepState::Refused;
        step.result = QObject::tr("not sent: refused by the browser");
        step.detail = blockedText(failed);
    } else {
        step.detail = QObject::tr("no actual request recorded");
    }
    return step;
}

TimelineStep outcomeStep(const http::Exchange& exchange, const cors::Verdict& verdict)
{
    TimelineStep step;
    step.kind = StepKind::Outcome;
    step.caption = QObject::tr("SCRIPT");
    if (!verdict.allowed) {
        step.state = StepState::Blocked;
        step.title = QObject::tr("fetch() rejects");
        step.result = QObject::tr("TypeError: Failed to fetch");
        step.detail = !verdict.error                ? QObject::tr("blocked")
            : verdict.error->networkError.isEmpty() ? verdict.error->kind
                                                    : verdict.error->networkError;
        return step;
    }
    step.state = StepState::Passed;
    step.title = QObject::tr("fetch() resolves");
    if (exchange.request.mode == http::RequestMode::NoCors && verdict.crossOrigin) {
        step.state = StepState::Neutral;
        step.result = QObject::tr("opaque response");
        step.detail = QObject::tr("no-cors: script cannot read status, headers or body");
        return step;
    }
    step.result = QObject::tr("response readable");
    step.detail = verdict.exposedHeaders.isEmpty()
        ? QObject::tr("no response headers exposed")
        : QObject::tr("%n header(s) exposed", nullptr, static_cast<int>(verdict.exposedHeaders.size()));
    return step;
}

} // namespace

QList<TimelineStep> buildTimelineSteps(
    const http::Exchange& exchange, const cors::Verdict& verdict, const StepTimings& timings)
{
    const auto withDuration = [](TimelineStep& step, double ms) {
        if (ms < 0)
            return;
        step.durationMs = ms;
        step.result += QObject::tr(" · %1 ms").arg(QString::number(ms, 'f', ms < 10 ? 1 : 0));
    };
    QList<TimelineStep> steps;
    if (exchange.preflight) {
        steps.append(preflightStep(exchange, verdict));
        withDuration(steps.last(), timings.preflightMs);
    }

    QByteArray method = verdict.method.isEmpty() ? exchange.request.method : verdict.method;
    QUrl lastUrl = exchange.request.url;
    QList<TimelineStep> hops = hopSteps(exchange, verdict, method, lastUrl);
    for (qsizetype i = 0; i < hops.size() && i < timings.hopMs.size(); ++i)
        withDuration(hops[i], timings.hopMs.at(i));
    steps.append(hops);

    if (exchange.actual.isEmpty()) {
        steps.append(unsentRequestStep(exchange, verdict, method));
    } else if (!verdict.allowed && exchange.actual.last().response.isRedirect()) {
        if (auto next = unfollowedRedirectStep(exchange, method, lastUrl))
            steps.append(*next);
    }

    steps.append(outcomeStep(exchange, verdict));
    return steps;
}

} // namespace corsbench::ui
