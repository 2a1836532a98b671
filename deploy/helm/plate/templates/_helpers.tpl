{{- define "plate.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}{{ .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{ end }}
{{- end -}}

{{- define "plate.selectorLabels" -}}
app.kubernetes.io/name: plate
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{- define "plate.labels" -}}
{{ include "plate.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
{{- end -}}

{{/* Settings that cannot work together fail the install with a message saying what to change. */}}
{{- define "plate.checks" -}}
{{- if not .Values.database.existingSecret }}
{{- fail "Set database.existingSecret: a Secret with the PostgreSQL JDBC URL, username and password (Plate keeps all its state there)." }}
{{- end }}
{{- if not .Values.encryptionKey.existingSecret }}
{{- fail "Set encryptionKey.existingSecret: a Secret with a key from `openssl rand -base64 32`, the same for every replica." }}
{{- end }}
{{- if and (not .Values.gitea.url) (gt (int .Values.replicaCount) 1) (not (and .Values.persistence.enabled (has "ReadWriteMany" .Values.persistence.accessModes))) }}
{{- fail "Without Gitea, the config repository lives in Plate's data directory: with more than one replica, set persistence.enabled=true with accessModes [ReadWriteMany], or configure gitea.url (or replicaCount=1)." }}
{{- end }}
{{- if and (not .Values.gitea.url) (not .Values.persistence.enabled) }}
{{- fail "Without Gitea, the config repository's only copy is in Plate's data directory: set persistence.enabled=true (a volume that outlives the pod), or configure gitea.url. An emptyDir would lose every chart, value and history with the pod." }}
{{- end }}
{{- if and .Values.gitea.url (not .Values.gitea.existingSecret) }}
{{- fail "Set gitea.existingSecret: a Secret with the Gitea token Plate writes with." }}
{{- end }}
{{- end -}}
