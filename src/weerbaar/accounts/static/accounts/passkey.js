// After a passkey is added, continue the way a form would: the server decides whether
// recovery codes are shown (first factor) or the user goes straight on.
document.addEventListener("otp_webauthn.register_complete", () => {
  document.getElementById("passkey-done").submit();
});
