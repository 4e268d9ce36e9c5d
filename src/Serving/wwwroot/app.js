// The page of `msa serve`: everything it needs comes from the service (relative URLs, so it also works under a route prefix).
"use strict";

const $ = id => document.getElementById(id);
let audioBlob = null;   // the picked or recorded audio, as a WAV blob
let recorder = null;

async function describeModel() {
  const response = await fetch("model");
  const model = await response.json();
  $("model-name").textContent = model.bundle;
  const task = model.task === "regression" ? "sentiment intensity" : "classes: " + model.classes.join(", ");
  $("model-summary").textContent = `Reads ${model.modalities.join(" + ")}; ${task}.`;
  for (const modality of model.modalities) $(modality + "-field").hidden = false;
  return model;
}

// 16-bit PCM mono WAV from decoded audio (the service reads WAV only; MediaRecorder gives WebM or Ogg).
function encodeWav(buffer) {
  const frames = buffer.length, rate = buffer.sampleRate;
  const mono = new Float32Array(frames);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < frames; i++) mono[i] += data[i] / buffer.numberOfChannels;
  }
  const view = new DataView(new ArrayBuffer(44 + frames * 2));
  const ascii = (at, text) => { for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i)); };
  ascii(0, "RIFF"); view.setUint32(4, 36 + frames * 2, true); ascii(8, "WAVE");
  ascii(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
  ascii(36, "data"); view.setUint32(40, frames * 2, true);
  for (let i = 0; i < frames; i++) view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, mono[i])) * 0x7fff, true);
  return new Blob([view], { type: "audio/wav" });
}

async function toWav(blob) {
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
  const isWav = String.fromCharCode(...head.slice(0, 4)) === "RIFF" && String.fromCharCode(...head.slice(8, 12)) === "WAVE";
  if (isWav) return blob;
  const context = new AudioContext();
  try {
    return encodeWav(await context.decodeAudioData(await blob.arrayBuffer()));
  } finally {
    context.close();
  }
}

async function setAudio(blob) {
  audioBlob = await toWav(blob);
  const preview = $("audio-preview");
  preview.src = URL.createObjectURL(audioBlob);
  preview.hidden = false;
}

async function toggleRecording() {
  const button = $("record"), status = $("record-status");
  if (recorder) { recorder.stop(); return; }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const chunks = [];
    recorder = new MediaRecorder(stream);
    recorder.ondataavailable = e => chunks.push(e.data);
    recorder.onstop = async () => {
      stream.getTracks().forEach(t => t.stop());
      recorder = null;
      button.textContent = "Record"; button.setAttribute("aria-pressed", "false");
      status.textContent = "Recorded.";
      $("audio").value = "";
      await setAudio(new Blob(chunks, { type: chunks[0]?.type || "audio/webm" }));
    };
    recorder.start();
    button.textContent = "Stop recording"; button.setAttribute("aria-pressed", "true");
    status.textContent = "Recording…";
  } catch (error) {
    status.textContent = "Cannot record: " + error.message;
  }
}

function showError(message) {
  const error = $("error");
  error.textContent = message;
  error.hidden = !message;
}

function showPrediction(prediction) {
  const chart = $("chart");
  chart.replaceChildren();
  $("result-modalities").textContent = "Modalities used: " + (prediction.modalities.join(", ") || "none");
  if (prediction.intensity !== undefined) {
    $("result-label").textContent = "intensity " + prediction.intensity.toFixed(3);
    return;
  }
  $("result-label").textContent = prediction.label;
  for (const [name, probability] of Object.entries(prediction.scores)) {
    const item = document.createElement("li");
    item.dataset.class = name;
    item.dataset.probability = String(probability);
    if (name === prediction.label) item.className = "top";
    const label = document.createElement("span");
    label.textContent = name;
    const bar = document.createElement("div");
    bar.className = "bar"; bar.setAttribute("aria-hidden", "true");
    const fill = document.createElement("span");
    fill.style.width = (probability * 100).toFixed(1) + "%";
    bar.append(fill);
    const value = document.createElement("span");
    value.className = "value";
    value.textContent = (probability * 100).toFixed(1) + " %";
    item.append(label, bar, value);
    chart.append(item);
  }
}

async function predict(event) {
  event?.preventDefault();
  const form = new FormData();
  if (!$("text-field").hidden && $("text").value) form.append("text", $("text").value);
  if (!$("audio-field").hidden && audioBlob) form.append("audio", audioBlob, "audio.wav");
  const image = $("image").files[0] || imageBlob;
  if (!$("image-field").hidden && image) form.append("image", image, image.name || "image");
  $("submit").disabled = true;
  showError("");
  try {
    const response = await fetch("predict", { method: "POST", body: form });
    const body = await response.json();
    if (!response.ok) showError(`${body.field ? body.field + ": " : ""}${body.error}`);
    else showPrediction(body);
  } catch (error) {
    showError("The service did not answer: " + error.message);
  } finally {
    $("submit").disabled = false;
    document.body.dataset.state = "done";
  }
}

let imageBlob = null;   // an image given by URL (the test mode)

function showImage(blob) {
  const preview = $("image-preview");
  preview.src = URL.createObjectURL(blob);
  preview.hidden = false;
}

// Test mode: ?auto=1&audio=URL&image=URL&text=... fetches same-origin files and predicts once, without a person.
async function autoPredict(parameters) {
  const sameOrigin = name => {
    const url = new URL(parameters.get(name), location.href);
    if (url.origin !== location.origin) throw new Error(`${name}: only files of this service are fetched`);
    return fetch(url).then(r => r.blob());
  };
  if (parameters.has("text")) $("text").value = parameters.get("text");
  if (parameters.has("audio")) await setAudio(await sameOrigin("audio"));
  if (parameters.has("image")) { imageBlob = await sameOrigin("image"); showImage(imageBlob); }
  await predict();
}

document.addEventListener("DOMContentLoaded", async () => {
  $("predict-form").addEventListener("submit", predict);
  $("record").addEventListener("click", toggleRecording);
  if (!window.MediaRecorder || !navigator.mediaDevices) $("record").disabled = true;
  $("audio").addEventListener("change", async e => { if (e.target.files[0]) await setAudio(e.target.files[0]); });
  $("image").addEventListener("change", e => { imageBlob = null; if (e.target.files[0]) showImage(e.target.files[0]); });
  try {
    await describeModel();
    const parameters = new URLSearchParams(location.search);
    if (parameters.get("auto") === "1") await autoPredict(parameters);
  } catch (error) {
    showError(error.message);
    document.body.dataset.state = "done";
  }
});
