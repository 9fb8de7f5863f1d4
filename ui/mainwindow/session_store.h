// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/support/result.h"

#include <QString>

#include <optional>

namespace corsbench::ui {

/// What the window restores on start: the editor text and the file it belongs to, and the
/// Diagnose tab's inputs.
struct SessionState
{
    QString text;
    QString filePath; // empty for an unsaved document or a sample
    QString displayName; // e.g. the sample name when filePath is empty
    bool modified = false;
    // The Diagnose tab: paste box, server code box, framework ("auto", "fastapi", ...).
    QString diagnosePaste;
    QString diagnoseServerCode;
    QString diagnoseFramework;
    QString currentView; // "exchange" or "diagnose"; empty = default
    friend bool operator==(const SessionState&, const SessionState&) = default;
};

/// Reads and writes `session.json` in QStandardPaths::AppDataLocation. QtCore only.
class SessionStore
{
public:
    /// The default location; tests point QStandardPaths at a temporary home instead.
    static QString defaultPath();

    explicit SessionStore(QString path = defaultPath());

    const QString& path() const { return m_path; }
    /// Atomic (QSaveFile); creates the directory if needed.
    [[nodiscard]] Result<bool> save(const SessionState& state) const;
    /// nullopt when there is no session or it is unreadable (a broken session never blocks start).
    std::optional<SessionState> load() const;

private:
    QString m_path;
};

} // namespace corsbench::ui
