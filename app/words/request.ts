// The language of the request being rendered (server components and metadata only): the
// browser's stored choice (its cookie), else its Accept-Language.
import { cookies, headers } from 'next/headers';
import { acceptedLanguages, chooseLanguage, LANGUAGE_KEY, type Language } from './languages';
import { wordsOf } from './tables';

export async function requestLanguage(): Promise<Language> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return chooseLanguage(jar.get(LANGUAGE_KEY)?.value, acceptedLanguages(head.get('accept-language')));
}

export async function requestWords() {
  return wordsOf(await requestLanguage());
}
