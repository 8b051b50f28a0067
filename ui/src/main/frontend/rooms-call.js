// <langso-room-call>: the room view's browser side. It speaks the signalling protocol of
// /api/v1/rooms/{id}/signal (docs/api/rooms-signalling.md) and, in peer-to-peer rooms, connects one
// RTCPeerConnection to every other participant (a full mesh of at most four).
//
// Properties set by the server: signalUrl (ws:// or wss:// URL), invitation or token, guestName, labelsJson
// (texts keyed as in rooms_vi.properties without "rooms.call.").
// Attributes for tests and styling: state (connecting, lobby, joined, ended, error) and participant-count.

const STATS_INTERVAL_MS = 5000;
/** Outgoing packet loss above which the connection counts as poor (remote-inbound-rtp fractionLost). */
const POOR_LOSS = 0.08;
/** Estimated available upload below which the connection counts as poor, in bits per second. */
const POOR_BITRATE = 250000;
const LOW_VIDEO = { width: 320, height: 180, frameRate: 10 };
const LOW_VIDEO_BITRATE = 150000;

class LangsoRoomCall extends HTMLElement {

  constructor() {
    super();
    this.peers = new Map();          // participant id -> { pc, info, tile, pendingIce: [] }
    this.participants = new Map();   // participant id -> info from the server
    this.lobby = new Map();          // guest id -> name
    this.self = null;
    this.localStream = null;
    this.cameraTrack = null;
    this.screenTrack = null;
    this.bandwidthMode = 'off';
    this.poorSince = 0;
    this.suggestionDismissed = false;
  }

  connectedCallback() {
    this.whenConfigured();
  }

  /** Starts once the server has set signalUrl; Flow may set properties just after attaching the element. */
  whenConfigured() {
    if (this.started) { return; }
    if (!this.signalUrl) {
      this.configureTimer = setTimeout(() => this.whenConfigured(), 50);
      return;
    }
    this.started = true;
    this.labels = JSON.parse(this.labelsJson || '{}');
    this.render();
    this.setState('connecting');
    this.start().catch(error => this.fail(this.t('error.media', 'Media error') + ': ' + error.message));
  }

  disconnectedCallback() {
    clearTimeout(this.configureTimer);
    if (this.started) { this.leave(); }
  }

  t(key, fallback) {
    return this.labels[key] || fallback || key;
  }

  setState(state) {
    this.setAttribute('state', state);
    this.querySelector('.room-status').textContent = this.t('state.' + state, state);
  }

  // ---- media and signalling -------------------------------------------------------------------------

  async start() {
    try {
      this.localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } });
      this.cameraTrack = this.localStream.getVideoTracks()[0] || null;
      this.querySelector('.room-self video').srcObject = this.localStream;
    } catch (error) {
      // Join without camera or microphone: the others are still seen and heard.
      console.warn('No camera or microphone:', error);
      this.localStream = new MediaStream();
      this.notice(this.t('notice.noMedia', 'No camera or microphone'));
    }
    this.socket = new WebSocket(this.signalUrl);
    this.socket.onopen = () => {
      const join = { type: 'join' };
      if (this.token) { join.token = this.token; }
      if (this.invitation) { join.invitation = this.invitation; join.name = this.guestName || ''; }
      this.send(join);
    };
    this.socket.onmessage = event => this.onMessage(JSON.parse(event.data));
    this.socket.onclose = event => this.onClose(event);
    this.statsTimer = setInterval(() => this.checkConnection(), STATS_INTERVAL_MS);
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  leave() {
    clearInterval(this.statsTimer);
    this.send({ type: 'leave' });
    if (this.socket) { this.socket.close(1000); }
    this.peers.forEach(peer => peer.pc.close());
    this.peers.clear();
    if (this.localStream) { this.localStream.getTracks().forEach(track => track.stop()); }
    if (this.screenTrack) { this.screenTrack.stop(); }
  }

  onClose(event) {
    clearInterval(this.statsTimer);
    if (this.getAttribute('state') !== 'error') {
      this.setState('ended');
    }
    this.peers.forEach(peer => peer.pc.close());
    this.peers.clear();
    this.renderParticipants();
    if (event.code === 4001) { this.notice(this.t('notice.removed', 'You were removed')); }
  }

  async onMessage(message) {
    switch (message.type) {
      case 'ping': this.send({ type: 'pong' }); break;
      case 'lobby-waiting': this.setState('lobby'); break;
      case 'joined': await this.onJoined(message); break;
      case 'participant-joined':
        this.participants.set(message.participant.id, message.participant);
        this.renderParticipants();
        break;
      case 'participant-left': this.removePeer(message.participant); break;
      case 'offer': await this.onOffer(message); break;
      case 'answer': await this.onAnswer(message); break;
      case 'ice': await this.onIce(message); break;
      case 'chat': this.addChat(message); break;
      case 'hand': this.updateParticipant(message.participant, { handRaised: message.raised }); break;
      case 'media-state': this.updateParticipant(message.participant.id, message.participant); break;
      case 'low-bandwidth': this.updateParticipant(message.participant, { bandwidthMode: message.mode }); break;
      case 'muted': this.onMuted(message); break;
      case 'removed': this.notice(this.t('notice.removed', 'You were removed')); break;
      case 'lobby-request': this.lobby.set(message.participant.id, message.participant.name); this.renderLobby(); break;
      case 'lobby-left': this.lobby.delete(message.participant); this.renderLobby(); break;
      case 'recording-started': this.showRecording(true); break;
      case 'recording-stopped': this.showRecording(false); break;
      case 'error': this.onError(message); break;
      default: console.debug('Unhandled signalling message', message.type);
    }
  }

  async onJoined(message) {
    this.self = message.self;
    this.setState('joined');
    this.classList.toggle('moderator', this.self.role === 'moderator');
    this.querySelector('.room-self .room-name').textContent = this.self.name;
    if (message.recording) { this.showRecording(true); }
    for (const participant of message.participants) {
      this.participants.set(participant.id, participant);
      // The newcomer sends an offer to everyone already in the room, and each of them responds with an answer.
      const peer = this.ensurePeer(participant.id);
      const offer = await peer.pc.createOffer();
      await peer.pc.setLocalDescription(offer);
      this.send({ type: 'offer', to: participant.id, sdp: peer.pc.localDescription.sdp });
    }
    this.renderParticipants();
  }

  ensurePeer(id) {
    let peer = this.peers.get(id);
    if (peer) { return peer; }
    const pc = new RTCPeerConnection({ iceServers: [] });
    peer = { pc, pendingIce: [], tile: this.createTile(id) };
    this.peers.set(id, peer);
    const listener = this.self && this.self.role === 'listener';
    if (listener || this.localStream.getTracks().length === 0) {
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    } else {
      this.localStream.getTracks().forEach(track => pc.addTrack(track, this.localStream));
      const videoSender = pc.getSenders().find(sender => sender.track && sender.track.kind === 'video');
      if (videoSender && this.screenTrack) { videoSender.replaceTrack(this.screenTrack); }
    }
    pc.onicecandidate = event => {
      if (event.candidate) { this.send({ type: 'ice', to: id, candidate: event.candidate.toJSON() }); }
    };
    pc.ontrack = event => {
      const video = peer.tile.querySelector('video');
      if (video.srcObject !== event.streams[0]) { video.srcObject = event.streams[0]; }
    };
    if (this.bandwidthMode !== 'off') { this.applyBandwidth(pc); }
    return peer;
  }

  async onOffer(message) {
    const peer = this.ensurePeer(message.from);
    await peer.pc.setRemoteDescription({ type: 'offer', sdp: message.sdp });
    await this.flushIce(peer);
    const answer = await peer.pc.createAnswer();
    await peer.pc.setLocalDescription(answer);
    this.send({ type: 'answer', to: message.from, sdp: peer.pc.localDescription.sdp });
  }

  async onAnswer(message) {
    const peer = this.peers.get(message.from);
    if (!peer) { return; }
    await peer.pc.setRemoteDescription({ type: 'answer', sdp: message.sdp });
    await this.flushIce(peer);
  }

  async onIce(message) {
    const peer = this.ensurePeer(message.from);
    if (peer.pc.remoteDescription) {
      await peer.pc.addIceCandidate(message.candidate);
    } else {
      // Candidates can arrive before the offer or answer they belong to.
      peer.pendingIce.push(message.candidate);
    }
  }

  async flushIce(peer) {
    const pending = peer.pendingIce.splice(0);
    for (const candidate of pending) { await peer.pc.addIceCandidate(candidate); }
  }

  removePeer(id) {
    const peer = this.peers.get(id);
    if (peer) {
      peer.pc.close();
      peer.tile.remove();
      this.peers.delete(id);
    }
    this.participants.delete(id);
    this.renderParticipants();
  }

  onMuted(message) {
    if (this.self && message.participant === this.self.id) {
      this.localStream.getTracks().filter(track => track.kind === message.kind)
        .forEach(track => { track.enabled = false; });
      this.notice(this.t('notice.mutedByModerator', 'A moderator muted you'));
      this.updateButtons();
      this.sendMediaState();
    } else {
      this.updateParticipant(message.participant, message.kind === 'audio' ? { audio: false } : { video: false });
    }
  }

  onError(message) {
    console.warn('Signalling error', message.code, message.message);
    const fatal = ['invitation-required', 'invitation-invalid', 'token-invalid', 'forbidden', 'room-full',
      'room-not-found', 'rejected', 'join-timeout'];
    if (fatal.includes(message.code) && (!this.self || message.code === 'rejected')) {
      this.setState('error');
      this.notice(this.t('error.' + message.code, message.message));
    } else {
      this.notice(this.t('error.' + message.code, message.message));
    }
  }

  fail(text) {
    this.setState('error');
    this.notice(text);
  }

  // ---- controls ----------------------------------------------------------------------------------------

  toggle(kind) {
    const tracks = this.localStream.getTracks().filter(track => track.kind === kind);
    tracks.forEach(track => { track.enabled = !track.enabled; });
    this.updateButtons();
    this.sendMediaState();
  }

  async toggleScreen() {
    if (this.screenTrack) {
      this.stopScreen();
      return;
    }
    try {
      const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
      this.screenTrack = screen.getVideoTracks()[0];
      this.screenTrack.onended = () => this.stopScreen();
      await this.replaceVideo(this.screenTrack);
    } catch (error) {
      this.notice(this.t('notice.screenFailed', 'Screen sharing failed') + ': ' + error.message);
    }
    this.updateButtons();
    this.sendMediaState();
  }

  stopScreen() {
    if (!this.screenTrack) { return; }
    this.screenTrack.stop();
    this.screenTrack = null;
    this.replaceVideo(this.bandwidthMode === 'audio-only' ? null : this.cameraTrack);
    this.updateButtons();
    this.sendMediaState();
  }

  async replaceVideo(track) {
    for (const peer of this.peers.values()) {
      const sender = peer.pc.getSenders().find(s => s.track ? s.track.kind === 'video' : false)
        || peer.pc.getSenders().find(s => !s.track && s.dtmf === null);
      if (sender) { await sender.replaceTrack(track); }
    }
  }

  /** Switches low-bandwidth mode: off, audio-only (no video sent) or low-video (320x180 at 10 fps). */
  async setBandwidthMode(mode) {
    this.bandwidthMode = mode;
    if (this.cameraTrack) {
      if (mode === 'low-video') {
        await this.cameraTrack.applyConstraints(LOW_VIDEO).catch(error => console.warn('applyConstraints', error));
      } else if (mode === 'off') {
        await this.cameraTrack.applyConstraints({ width: 640, height: 360, frameRate: 30 }).catch(() => {});
      }
    }
    for (const peer of this.peers.values()) { await this.applyBandwidth(peer.pc); }
    if (!this.screenTrack) { await this.replaceVideo(mode === 'audio-only' ? null : this.cameraTrack); }
    this.send({ type: 'low-bandwidth', mode });
    this.querySelector('.room-suggestion').hidden = true;
    this.updateButtons();
  }

  async applyBandwidth(pc) {
    for (const sender of pc.getSenders()) {
      if (!sender.track || sender.track.kind !== 'video') { continue; }
      const parameters = sender.getParameters();
      if (!parameters.encodings || parameters.encodings.length === 0) { continue; }
      parameters.encodings[0].maxBitrate = this.bandwidthMode === 'off' ? undefined : LOW_VIDEO_BITRATE;
      parameters.encodings[0].maxFramerate = this.bandwidthMode === 'off' ? undefined : LOW_VIDEO.frameRate;
      await sender.setParameters(parameters).catch(error => console.warn('setParameters', error));
    }
  }

  /** Proposes low-bandwidth mode when packet loss or the estimated upload shows a poor connection for 10 s. */
  async checkConnection() {
    if (this.bandwidthMode !== 'off' || this.suggestionDismissed || this.peers.size === 0) { return; }
    let poor = false;
    for (const peer of this.peers.values()) {
      const stats = await peer.pc.getStats();
      stats.forEach(report => {
        if (report.type === 'remote-inbound-rtp' && report.fractionLost > POOR_LOSS) { poor = true; }
        if (report.type === 'candidate-pair' && report.nominated && report.availableOutgoingBitrate !== undefined
            && report.availableOutgoingBitrate < POOR_BITRATE) { poor = true; }
      });
    }
    if (!poor) { this.poorSince = 0; return; }
    if (this.poorSince === 0) { this.poorSince = Date.now(); return; }
    if (Date.now() - this.poorSince >= 2 * STATS_INTERVAL_MS - 100) {
      this.querySelector('.room-suggestion').hidden = false;
    }
  }

  /** Returns frames decoded per remote participant, from getStats: the proof that video arrives. */
  async videoStats() {
    const result = {};
    for (const [id, peer] of this.peers) {
      const stats = await peer.pc.getStats();
      let frames = 0;
      stats.forEach(report => {
        if (report.type === 'inbound-rtp' && report.kind === 'video') { frames += report.framesDecoded || 0; }
      });
      result[id] = frames;
    }
    return result;
  }

  sendMediaState() {
    const audio = this.localStream.getAudioTracks().some(track => track.enabled);
    const video = this.localStream.getVideoTracks().some(track => track.enabled) && this.bandwidthMode !== 'audio-only';
    this.send({ type: 'media-state', audio, video, screen: !!this.screenTrack });
  }

  // ---- rendering ---------------------------------------------------------------------------------------

  render() {
    this.innerHTML = `
      <div class="room-header"><span class="room-status"></span>
        <span class="room-recording" hidden></span></div>
      <div class="room-suggestion" hidden><span class="room-suggestion-text"></span>
        <button data-action="audio-only"></button><button data-action="low-video"></button>
        <button data-action="dismiss"></button></div>
      <div class="room-main">
        <div class="room-videos"><div class="room-tile room-self"><video autoplay playsinline muted></video>
          <span class="room-name"></span></div></div>
        <div class="room-side">
          <h3 class="room-participants-title"></h3><ul class="room-participants"></ul>
          <div class="room-lobby" hidden><h3 class="room-lobby-title"></h3><ul></ul></div>
          <h3 class="room-chat-title"></h3><ul class="room-chat"></ul>
          <form class="room-chat-form"><input maxlength="2000"><button type="submit"></button></form>
        </div>
      </div>
      <div class="room-controls">
        <button data-action="audio"></button><button data-action="video"></button>
        <button data-action="screen"></button><button data-action="hand"></button>
        <select class="room-bandwidth">
          <option value="off"></option><option value="audio-only"></option><option value="low-video"></option>
        </select>
        <button data-action="leave"></button>
      </div>
      <div class="room-notices" aria-live="polite"></div>`;
    this.querySelector('.room-recording').textContent = this.t('recording', 'Recording');
    this.querySelector('.room-suggestion-text').textContent = this.t('suggestion', 'Poor connection');
    this.querySelector('[data-action=audio-only]').textContent = this.t('bandwidth.audio-only', 'Audio only');
    this.querySelector('[data-action=low-video]').textContent = this.t('bandwidth.low-video', 'Low video');
    this.querySelector('[data-action=dismiss]').textContent = this.t('suggestion.dismiss', 'Keep');
    this.querySelector('.room-participants-title').textContent = this.t('participants', 'Participants');
    this.querySelector('.room-lobby-title').textContent = this.t('lobby', 'Lobby');
    this.querySelector('.room-chat-title').textContent = this.t('chat', 'Chat');
    this.querySelector('.room-chat-form button').textContent = this.t('chat.send', 'Send');
    this.querySelector('.room-chat-form input').placeholder = this.t('chat.placeholder', '');
    this.querySelectorAll('.room-bandwidth option').forEach(option => {
      option.textContent = this.t('bandwidth.' + option.value, option.value);
    });
    this.querySelector('[data-action=leave]').textContent = this.t('leave', 'Leave');
    this.updateButtons();

    this.addEventListener('click', event => {
      const action = event.target.dataset ? event.target.dataset.action : undefined;
      if (!action) { return; }
      switch (action) {
        case 'audio': this.toggle('audio'); break;
        case 'video': this.toggle('video'); break;
        case 'screen': this.toggleScreen(); break;
        case 'hand': this.raised = !this.raised; this.send({ type: 'raise-hand', raised: this.raised }); this.updateButtons(); break;
        case 'leave': this.leave(); break;
        case 'audio-only': case 'low-video':
          this.querySelector('.room-bandwidth').value = action; this.setBandwidthMode(action); break;
        case 'dismiss': this.suggestionDismissed = true; this.querySelector('.room-suggestion').hidden = true; break;
        case 'mute': this.send({ type: 'mute', participant: event.target.dataset.id, kind: 'audio' }); break;
        case 'remove': this.send({ type: 'remove', participant: event.target.dataset.id }); break;
        case 'admit': this.send({ type: 'admit', participant: event.target.dataset.id }); break;
        case 'reject': this.send({ type: 'reject', participant: event.target.dataset.id }); break;
        default: break;
      }
    });
    this.querySelector('.room-bandwidth').addEventListener('change', event => this.setBandwidthMode(event.target.value));
    this.querySelector('.room-chat-form').addEventListener('submit', event => {
      event.preventDefault();
      const input = this.querySelector('.room-chat-form input');
      if (input.value.trim()) { this.send({ type: 'chat', text: input.value }); }
      input.value = '';
    });
  }

  updateButtons() {
    const audioOn = this.localStream ? this.localStream.getAudioTracks().some(track => track.enabled) : true;
    const videoOn = this.localStream ? this.localStream.getVideoTracks().some(track => track.enabled) : true;
    this.querySelector('[data-action=audio]').textContent = this.t(audioOn ? 'microphone.off' : 'microphone.on', 'Mic');
    this.querySelector('[data-action=video]').textContent = this.t(videoOn ? 'camera.off' : 'camera.on', 'Camera');
    this.querySelector('[data-action=screen]').textContent = this.t(this.screenTrack ? 'screen.stop' : 'screen.start', 'Screen');
    this.querySelector('[data-action=hand]').textContent = this.t(this.raised ? 'hand.lower' : 'hand.raise', 'Hand');
  }

  createTile(id) {
    const tile = document.createElement('div');
    tile.className = 'room-tile';
    tile.dataset.participant = id;
    tile.innerHTML = '<video autoplay playsinline></video><span class="room-name"></span>';
    const info = this.participants.get(id);
    tile.querySelector('.room-name').textContent = info ? info.name : '';
    this.querySelector('.room-videos').appendChild(tile);
    return tile;
  }

  updateParticipant(id, changes) {
    const info = this.participants.get(id) || (this.self && this.self.id === id ? this.self : null);
    if (info) { Object.assign(info, changes); }
    this.renderParticipants();
  }

  renderParticipants() {
    const list = this.querySelector('.room-participants');
    list.replaceChildren();
    const everyone = this.self ? [this.self, ...this.participants.values()] : [...this.participants.values()];
    for (const info of everyone) {
      const item = document.createElement('li');
      item.dataset.participant = info.id;
      const flags = [info.handRaised ? '✋' : '', info.audio === false ? '🔇' : '',
        info.bandwidthMode && info.bandwidthMode !== 'off' ? '📶' : ''].join('');
      item.textContent = `${info.name} (${this.t('role.' + info.role, info.role)}) ${flags}`;
      if (this.self && this.self.role === 'moderator' && info.id !== this.self.id) {
        item.append(this.actionButton('mute', info.id, this.t('mute', 'Mute')),
          this.actionButton('remove', info.id, this.t('remove', 'Remove')));
      }
      list.appendChild(item);
      const peer = this.peers.get(info.id);
      if (peer) { peer.tile.querySelector('.room-name').textContent = info.name; }
    }
    this.setAttribute('participant-count', String(everyone.length));
  }

  renderLobby() {
    const box = this.querySelector('.room-lobby');
    const list = box.querySelector('ul');
    list.replaceChildren();
    for (const [id, name] of this.lobby) {
      const item = document.createElement('li');
      item.textContent = name + ' ';
      item.append(this.actionButton('admit', id, this.t('admit', 'Admit')),
        this.actionButton('reject', id, this.t('reject', 'Reject')));
      list.appendChild(item);
    }
    box.hidden = this.lobby.size === 0;
  }

  actionButton(action, id, text) {
    const button = document.createElement('button');
    button.dataset.action = action;
    button.dataset.id = id;
    button.textContent = text;
    return button;
  }

  addChat(message) {
    const item = document.createElement('li');
    const time = new Date(message.at).toLocaleTimeString(document.documentElement.lang || 'vi');
    item.textContent = `${time} ${message.name}: ${message.text}`;
    this.querySelector('.room-chat').appendChild(item);
  }

  showRecording(on) {
    this.querySelector('.room-recording').hidden = !on;
    this.notice(this.t(on ? 'notice.recordingStarted' : 'notice.recordingStopped', on ? 'Recording' : 'Stopped'));
  }

  notice(text) {
    const item = document.createElement('div');
    item.textContent = text;
    const notices = this.querySelector('.room-notices');
    notices.appendChild(item);
    while (notices.children.length > 3) { notices.firstChild.remove(); }
  }
}

customElements.define('langso-room-call', LangsoRoomCall);
