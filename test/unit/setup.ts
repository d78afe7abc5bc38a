// Unit tests never reach the network: SendGrid is nock, and only loopback (the sandbox) stays open.
import nock from 'nock';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
});
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

// The region decides the URL in unit tests, whatever the developer's shell says.
delete process.env.SENDGRID_API_BASE_URL;
