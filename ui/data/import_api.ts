/** The web import's requests (routes/api/admin/import/*), the upload with its progress. */
import type { ImportKind } from "../../lib/import/kinds.ts";
import type { Preview } from "../../lib/import/column_choice.ts";
import type { ImportJob } from "../../lib/store/import_jobs.ts";
import type { SavedMapping } from "../../lib/store/import_mappings.ts";
import type { ImportState } from "../../lib/store/import_state.ts";

const API = "/api/admin/import";
/** How often a running job is asked for its phase. */
const POLL_MS = 250;

export interface Settings {
  kind: ImportKind;
  level: string;
  coords: string;
}

export interface PreviewAnswer {
  upload: string;
  preview: Preview;
}

async function answerOf<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
  if (!res.ok) throw new Error(body.error ?? `${res.status}`);
  return body as T;
}

export const getJson = async <T>(path: string): Promise<T> =>
  answerOf<T>(await fetch(`${API}/${path}`, { cache: "no-store" }));

export const postJson = async <T>(path: string, body: unknown): Promise<T> =>
  answerOf<T>(
    await fetch(`${API}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

/** Sends the file, telling the share of its bytes sent as they go (XHR: fetch tells no upload progress). */
export function uploadFile(
  file: File,
  settings: Settings & { mapping?: string },
  onProgress: (sent: number) => void,
): Promise<PreviewAnswer> {
  const params = new URLSearchParams({ ...settings, file: file.name });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${API}/upload?${params}`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      onProgress(1);
      if (xhr.status === 200) resolve(xhr.response as PreviewAnswer);
      else reject(new Error(xhr.response?.error ?? `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => reject(new Error("the upload was interrupted"));
    xhr.send(file);
  });
}

/** Polls a job until it ends, telling each state seen. */
export async function followJob(id: string, onState: (job: ImportJob) => void): Promise<ImportJob> {
  for (;;) {
    const job = await getJson<ImportJob>(`jobs/${id}`);
    onState(job);
    if (job.state !== "running") return job;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export const listMappings = (kind: ImportKind) => getJson<SavedMapping[]>(`mappings?kind=${kind}`);
export const importState = () => getJson<ImportState>("history");
