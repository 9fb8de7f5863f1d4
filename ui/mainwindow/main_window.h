// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"
#include "core/http/exchange.h"
#include "core/support/result.h"
#include "ui/mainwindow/session_store.h"
#include "ui/presenters/probe_presenter.h"
#include "ui/timeline/timeline_steps.h"

#include <QList>
#include <QMainWindow>
#include <QString>
#include <QStringList>

class QLabel;
class QMenu;
class QProgressDialog;
class QTabWidget;
class QTableView;
class QTimer;

namespace corsbench::ui {

class ChecksModel;
class DiagnosePane;
class DiagnosePresenter;
class ExchangePresenter;
class ProbePresenter;
class ScanDialog;
class ScanPresenter;
struct ScanInput;
class HeadersInspector;
class RequestEditor;
class TimelineView;
class VerdictPanel;

/// The workbench window: JSON editor on the left; verdict, timeline, checks and raw heads on
/// the right. Owns the document state (file, modified flag) and the debounced evaluation;
/// the panes only receive data and report user intents.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Start-up: open `path` if given, else restore the last session, else a default sample,
    /// so the window is never empty.
    void openInitial(const QString& path = {});

    /// Loads a file into the editor (no dialogs); the error names the file and the reason.
    [[nodiscard]] Result<bool> loadFile(const QString& path);
    /// Loads a bundled sample by file name (e.g. "fa-put-default-methods.json").
    [[nodiscard]] bool loadSample(const QString& name);
    [[nodiscard]] Result<bool> saveTo(const QString& path);
    [[nodiscard]] Result<bool> exportRedacted(const QString& path);
    /// Restores the editor from the session file; false when there is none.
    bool restoreSession();
    [[nodiscard]] Result<bool> saveSession();
    /// Runs the pending debounced evaluation and session save now (tests, before quitting).
    void flushPendingWork();

    /// Names of the bundled samples (":/samples/*.json").
    static QStringList sampleNames();

    QString documentText() const;
    const QString& filePath() const { return m_filePath; }
    bool isDocumentModified() const { return m_modified; }
    const QList<TimelineStep>& steps() const { return m_steps; }

    /// Probes a server and loads the recorded exchange. Unless `confirmed`, asks before
    /// sending to a target that is not loopback.
    void startProbe(const ProbeInput& input, bool confirmed = false);
    ProbePresenter* probePresenter() const { return m_probePresenter; }
    /// Transport and total time of the probe the document came from; empty otherwise.
    QString probeStatusText() const;

    /// The Diagnose tab (paste anything, ranked causes and fixes).
    DiagnosePane* diagnosePane() const { return m_diagnosePane; }
    DiagnosePresenter* diagnosePresenter() const { return m_diagnosePresenter; }
    void showDiagnose();
    bool isDiagnoseShown() const;
    /// Loads `path` into the Diagnose tab and shows it; the error names the file and the reason.
    [[nodiscard]] Result<bool> openDiagnoseFile(const QString& path);

    /// Shows Request ▸ Scan Endpoint (created on first use), filled with `input` when it has a
    /// URL; `start` also runs the scan (asking first for a non-loopback target). Evidence
    /// exchanges opened from it load into the editor.
    void openScan(const ScanInput& input, bool start = false);
    ScanPresenter* scanPresenter() const { return m_scanPresenter; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void setDocument(const QString& text, const QString& filePath, const QString& displayName, bool modified);
    void updateTitle();
    void onTextEdited();
    void onDebounceTimeout();
    void onVerdictChanged(const http::Exchange& exchange, const cors::Verdict& verdict);
    void onParseFailed(const QString& message, int line, int column);
    void showStep(int index);
    void onCheckActivated(const QModelIndex& index);
    void addRecentFile(const QString& path);
    void rebuildRecentMenu();
    void openRequested();
    void saveRequested();
    void saveAsRequested();
    void exportRequested();
    void aboutRequested();
    void probeRequested();
    void onProbeStarted(const QString& description);
    void onProbeFinished(const QString& exchangeJson, bool networkFailure);
    void onProbeFailed(const QString& message);
    void closeProbeProgress();
    void reportError(const QString& title, const Error& error);
    QWidget* buildDiagnoseTabs(QWidget* exchangePane);
    void buildViewMenu();
    void restoreDiagnose(const SessionState& state);

    ExchangePresenter* m_presenter = nullptr;
    RequestEditor* m_editor = nullptr;
    QLabel* m_parseStatus = nullptr;
    VerdictPanel* m_verdictPanel = nullptr;
    TimelineView* m_timeline = nullptr;
    ChecksModel* m_checksModel = nullptr;
    QTableView* m_checksView = nullptr;
    HeadersInspector* m_headersInspector = nullptr;
    QMenu* m_recentMenu = nullptr;
    QTimer* m_debounce = nullptr;
    ProbePresenter* m_probePresenter = nullptr;
    QLabel* m_probeStatus = nullptr;
    QProgressDialog* m_probeProgress = nullptr;
    ProbeInput m_lastProbeInput;
    ScanPresenter* m_scanPresenter = nullptr; // with m_scanDialog, created by openScan()
    ScanDialog* m_scanDialog = nullptr;
    StepTimings m_stepTimings; // of the probe the unedited document came from
    StepTimings m_nextStepTimings; // handed to the next setDocument()

    QTabWidget* m_tabs = nullptr;
    QWidget* m_exchangeTab = nullptr;
    DiagnosePane* m_diagnosePane = nullptr;
    DiagnosePresenter* m_diagnosePresenter = nullptr;

    SessionStore m_session;
    QList<TimelineStep> m_steps;
    QString m_filePath;
    QString m_displayName;
    bool m_modified = false;
    bool m_evaluationPending = false;
    bool m_sessionDirty = false;
    bool m_resetSelection = true; // next verdict picks the default step (new document)
    bool m_revealError = false; // next parse error scrolls the editor to it (new document)
};

} // namespace corsbench::ui
