// The offline page's 重试 button: loads the address again (an inline handler would break the CSP).
document.getElementById('retry').addEventListener('click', function () {
  window.location.reload();
});
