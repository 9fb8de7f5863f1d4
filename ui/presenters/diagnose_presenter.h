// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnosis/diagnosis.h"
#include "core/support/result.h"
#include "ui/presenters/probe_presenter.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace corsbench::ui {

/// What the Diagnose pane asks for: plain values, no widgets.
struct DiagnoseRequest
{
    QString text; // the paste (console lines, logs, HAR, cURL, raw HTTP, code ...)
    QString serverCode; // the app / CORS setup given separately; blank = taken from the paste
    QString framework = QStringLiteral("auto"); // auto | fastapi | aiohttp | flask
    QString harPath; // a large dropped HAR read from its file instead of `text`
    friend bool operator==(const DiagnoseRequest&, const DiagnoseRequest&) = default;
};

/// One finished diagnosis; immutable once published.
struct DiagnoseOutcome
{
    quint64 generation = 0;
    DiagnoseRequest request;
    std::optional<diagnosis::Diagnosis> diagnosis; // nullopt: `message` says why (empty, binary ...)
    QString message; // a one-line summary of the diagnosis, or why there is none
    double elapsedMs = 0;
};
using DiagnoseSnapshot = std::shared_ptr<const DiagnoseOutcome>;

/// A file dropped on the pane: its text for the paste box, or (a HAR too large for the box)
/// its path for the presenter to read on the worker.
struct DroppedInput
{
    QString text;
    QString harPath;
    qint64 bytes = 0;
};

/// Largest paste diagnosed from the box, and largest file put into the box.
inline constexpr qint64 kMaxPasteBytes = 4 * 1024 * 1024;
/// Largest HAR read from its file.
inline constexpr qint64 kMaxHarFileBytes = 256 * 1024 * 1024;

/// Reads a dropped file. Errors: unreadable, binary, larger than the caps.
[[nodiscard]] Result<DroppedInput> readDroppedFile(const QString& path);
/// The probe the cause suggests (URL, origin, method, headers, credentials), from the failing
/// request when the rule recorded it, else from the `corsbench-cli probe ...` command.
std::optional<ProbeInput> probeInputForCause(const diagnosis::Cause& cause);
/// Splits a POSIX-shell-like command line (single and double quotes, backslash escapes).
QStringList splitCommandLine(const QString& command);
/// Replaces secrets in free text with "[redacted]": values of secret headers (Authorization,
/// Cookie, tokens, ... as io::isSecretHeader decides) written as `Name: value`, JSON header pairs
/// or HAR name/value objects; Bearer/Basic credentials; URL passwords; token-like query
/// parameters; curl -b/--cookie arguments.
QString redactSecrets(const QString& text);
/// The text report of an outcome (diagnosis::toText), secrets redacted unless `includeSecrets`.
QString reportText(const DiagnoseOutcome& outcome, bool includeSecrets = false);
/// Runs one request synchronously (what the worker does); never throws.
DiagnoseOutcome runDiagnosis(const DiagnoseRequest& request);

/// Runs diagnoseText() off the GUI thread. One job runs at a time; a newer request replaces
/// the queued one, and only the result of the newest request is published.
class DiagnosePresenter : public QObject
{
    Q_OBJECT
public:
    explicit DiagnosePresenter(QObject* parent = nullptr);
    /// Waits for the running job (bounded: diagnoseText is linear in the capped input).
    ~DiagnosePresenter() override;

    bool isBusy() const { return m_running; }
    /// The newest published outcome; null before the first.
    const DiagnoseSnapshot& latest() const { return m_latest; }

public Q_SLOTS:
    /// Emits finished() later (at once for an empty paste, which needs no worker).
    void diagnose(const corsbench::ui::DiagnoseRequest& request);

Q_SIGNALS:
    void busyChanged(bool busy);
    void finished(const corsbench::ui::DiagnoseSnapshot& outcome);

private:
    void startNext();
    void onDone(const DiagnoseSnapshot& outcome);
    void publish(const DiagnoseSnapshot& outcome);

    quint64 m_generation = 0;
    bool m_running = false;
    std::optional<std::pair<quint64, DiagnoseRequest>> m_pending;
    DiagnoseSnapshot m_latest;
    QThreadPool m_pool; // last member: destroyed (and waited for) first
};

} // namespace corsbench::ui

Q_DECLARE_METATYPE(corsbench::ui::DiagnoseRequest)
Q_DECLARE_METATYPE(corsbench::ui::DiagnoseSnapshot)
