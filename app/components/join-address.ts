'use client';
import { useEffect, useState } from 'react';

/**
 * Where a student joins: the server's address as typed (no scheme) and the simul's join link.
 * None of it is secret. Not `ready` until mounted (the server does not know the address the class
 * uses): the link is relative until then.
 */
export function useJoinAddress(simulId: string): { address: string; link: string; ready: boolean } {
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  return { address: origin.replace(/^https?:\/\//, ''), link: `${origin}/play/${simulId}`, ready: origin !== '' };
}
