// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"
#include "core/http/exchange.h"

#include <QWidget>

class QLabel;
class QTextBrowser;
class QFrame;

namespace corsbench::ui {

/// The verdict at a glance: ALLOWED/BLOCKED banner, the reported error, what each browser
/// prints to the console, warnings and the headers script can read.
class VerdictPanel : public QWidget
{
    Q_OBJECT
public:
    explicit VerdictPanel(QWidget* parent = nullptr);

    void setVerdict(const cors::Verdict& verdict, const http::Exchange& exchange);
    /// Marks the shown verdict as belonging to an older version of the text.
    void setStale(bool stale);
    /// Shows "no verdict" with an optional reason (e.g. the parse error).
    void clear(const QString& reason = {});

    /// "ALLOWED", "BLOCKED" or empty; for tests and accessibility.
    QString bannerText() const;
    QString consoleText() const;

private:
    void applyBannerStyle(bool allowed);

    QFrame* m_banner = nullptr;
    QLabel* m_bannerTitle = nullptr;
    QLabel* m_bannerSubtitle = nullptr;
    QLabel* m_bannerCounts = nullptr;
    QLabel* m_staleLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QTextBrowser* m_console = nullptr;
    QLabel* m_warnings = nullptr;
    QLabel* m_exposed = nullptr;
    bool m_hasVerdict = false;
};

} // namespace corsbench::ui
