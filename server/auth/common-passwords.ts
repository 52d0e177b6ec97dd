// A small list of passwords seen most often in breaches, at least 12 characters long (shorter
// ones are refused by length already). Compared in lower case.
export const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678910', 'qwertyuiopas', 'qwertyuiop123', 'qwerty123456',
  'password1234', 'password12345', 'password123!', 'passwordpassword', 'iloveyou1234', 'administrator',
  'administrator1', 'letmein12345', 'welcome12345', 'welcome123456', 'changeme1234', 'changemenow1',
  'football1234', 'baseball1234', 'superman1234', 'trustno11234', 'monkey123456', 'dragon123456',
  'sunshine1234', 'princess1234', 'starwars1234', 'whatever1234', 'abcdefghijkl', 'abc123456789',
  'aaaaaaaaaaaa', '111111111111', '000000000000', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3',
  'qazwsxedcrfv', 'asdfghjkl123', 'p@ssw0rd1234', 'p@ssword1234', 'passw0rd1234', 'mypassword123',
  'secretpassword', 'correcthorsebatterystaple', 'correct horse battery staple', 'watchfloor123',
  'watchfloor1234', 'watchfloor2024', 'watchfloor2025', 'watchfloor2026', 'letmeinplease',
  'masterpassword', 'iloveyouforever', 'qwertyqwerty', 'michael12345', 'jennifer1234', 'computer1234',
  'internet1234', 'access123456', 'shadow123456', 'master123456', 'summer2024!!', 'winter2024!!',
  'spring2025!!', 'autumn2025!!', 'december2025', 'november2026', 'password2024', 'password2025',
  'password2026', 'adminadmin12', 'admin1234567', 'rootroot1234', 'test12345678', 'testtesttest',
  'guest1234567', 'default12345', 'temporary123', 'temppassword', 'newpassword1', 'newpassword123'
]);
