// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/support/result.h"
#include "ui/presenters/diagnose_presenter.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace corsbench::ui {

class CausesModel;
class DetectedModel;
class PasteEdit;

/// The Diagnose tab: a paste box (plus optional server code and framework) on the left,
/// what was detected, the ranked causes and the selected cause's evidence, explanation and
/// fixes on the right. Shows DiagnoseOutcome snapshots; asks for diagnoses and probes
/// through signals.
class DiagnosePane : public QWidget
{
    Q_OBJECT
public:
    explicit DiagnosePane(QWidget* parent = nullptr);
    ~DiagnosePane() override;

    /// Session restore: replaces the inputs without emitting inputChanged(), then diagnoses.
    void setInputs(const QString& paste, const QString& serverCode, const QString& framework);
    QString pasteText() const;
    QString serverCode() const;
    QString framework() const; // auto | fastapi | aiohttp | flask
    DiagnoseRequest request() const;

    /// Loads a file into the paste box (or, a large HAR, diagnoses it from disk).
    [[nodiscard]] Result<bool> loadFile(const QString& path);
    /// Emits diagnoseRequested() now instead of after the debounce.
    void diagnoseNow();
    /// Selects 1-based lines of the paste box; false when they are not in it.
    bool selectPasteLines(int first, int last);

    /// Shows an outcome; the first cause is selected.
    void showOutcome(const DiagnoseSnapshot& outcome);
    void setBusy(bool busy);
    const DiagnoseSnapshot& outcome() const { return m_outcome; }
    /// Row of the cause whose details are shown, -1 when none.
    int currentCause() const;
    void setCurrentCause(int row);
    /// Copies reportText() of the outcome: secrets redacted unless `includeSecrets`.
    void copyReport(bool includeSecrets = false);

    CausesModel* causesModel() const { return m_causesModel; }
    DetectedModel* detectedModel() const { return m_detectedModel; }
    QString statusText() const;

Q_SIGNALS:
    void diagnoseRequested(const corsbench::ui::DiagnoseRequest& request);
    /// The paste, server code or framework changed (for the session).
    void inputChanged();
    void probeRequested(const corsbench::ui::ProbeInput& input);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* buildInputSide();
    QWidget* buildResultSide();
    void onInputEdited();
    void onFilesDropped(const QStringList& paths);
    void openFileRequested();
    void openServerCodeRequested();
    void showCause(int row);
    void showFixes(const QList<diagnosis::FixProposal>& fixes);
    void onEvidenceClicked(QListWidgetItem* item);
    void onDetectedClicked(const QModelIndex& index);
    void clearHarFile();
    void setStatus(const QString& text, bool problem);
    void fitResultPanes();

    PasteEdit* m_paste = nullptr;
    QPlainTextEdit* m_serverCode = nullptr;
    QWidget* m_serverBox = nullptr;
    QToolButton* m_serverToggle = nullptr;
    QComboBox* m_framework = nullptr;
    QPushButton* m_diagnoseButton = nullptr;
    QLabel* m_harBanner = nullptr;
    QWidget* m_harBox = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_detectedView = nullptr;
    QTableView* m_causesView = nullptr;
    QToolButton* m_copyReport = nullptr;
    QWidget* m_causesPane = nullptr;
    QScrollArea* m_detailsScroll = nullptr;
    QSplitter* m_resultSplit = nullptr;
    bool m_userSizedResults = false;
    QLabel* m_causeTitle = nullptr;
    QLabel* m_evidenceCaption = nullptr;
    QListWidget* m_evidence = nullptr;
    QLabel* m_explanation = nullptr;
    QLabel* m_probeCommand = nullptr;
    QWidget* m_probeRow = nullptr;
    QPushButton* m_probeButton = nullptr;
    QTabWidget* m_fixTabs = nullptr;
    QLabel* m_noFixes = nullptr;
    QTimer* m_debounce = nullptr;
    CausesModel* m_causesModel = nullptr;
    DetectedModel* m_detectedModel = nullptr;
    DiagnoseSnapshot m_outcome;
    QString m_harPath;
    bool m_settingInputs = false;
};

} // namespace corsbench::ui
