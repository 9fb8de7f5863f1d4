// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/mainwindow/session_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace corsbench::ui {

namespace {
const QString kFormat = QStringLiteral("corsbench.session/1");
constexpr qint64 kMaxSessionBytes = 64 * 1024 * 1024;
} // namespace

QString SessionStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("session.json"));
}

SessionStore::SessionStore(QString path)
    : m_path(std::move(path))
{
}

Result<bool> SessionStore::save(const SessionState& state) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(ErrorCode::IoError, QObject::tr("Cannot create %1").arg(info.absolutePath()));
    QJsonObject object {
        { QStringLiteral("format"), kFormat },
        { QStringLiteral("file"), state.filePath },
        { QStringLiteral("name"), state.displayName },
        { QStringLiteral("modified"), state.modified },
        { QStringLiteral("text"), state.text },
    };
    if (!state.diagnosePaste.isEmpty() || !state.diagnoseServerCode.isEmpty()) {
        object.insert(QStringLiteral("diagnose"),
            QJsonObject { { QStringLiteral("paste"), state.diagnosePaste },
                { QStringLiteral("server_code"), state.diagnoseServerCode },
                { QStringLiteral("framework"), state.diagnoseFramework } });
    }
    if (!state.currentView.isEmpty())
        object.insert(QStringLiteral("view"), state.currentView);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::IoError, QObject::tr("Cannot write %1: %2").arg(m_path, file.errorString()));
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return makeError(ErrorCode::IoError, QObject::tr("Cannot write %1: %2").arg(m_path, file.errorString()));
    return true;
}

std::optional<SessionState> SessionStore::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxSessionBytes)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != kFormat)
        return std::nullopt;
    SessionState state;
    state.text = object.value(QStringLiteral("text")).toString();
    state.filePath = object.value(QStringLiteral("file")).toString();
    state.displayName = object.value(QStringLiteral("name")).toString();
    state.modified = object.value(QStringLiteral("modified")).toBool();
    const QJsonObject diagnose = object.value(QStringLiteral("diagnose")).toObject();
    state.diagnosePaste = diagnose.value(QStringLiteral("paste")).toString();
    state.diagnoseServerCode = diagnose.value(QStringLiteral("server_code")).toString();
    state.diagnoseFramework = diagnose.value(QStringLiteral("framework")).toString();
    state.currentView = object.value(QStringLiteral("view")).toString();
    return state;
}

} // namespace corsbench::ui
